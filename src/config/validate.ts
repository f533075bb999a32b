import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import * as ajvFormats from 'ajv-formats';
import { VoileError, type VoileErrorCode } from '../errors.js';

// ajv-formats is CommonJS: under NodeNext its plugin function is `default.default` at runtime.
type FormatsPlugin = (ajv: Ajv) => Ajv;
const formatsModule = ajvFormats as unknown as { default: FormatsPlugin | { default: FormatsPlugin } };
const addFormats: FormatsPlugin =
  typeof formatsModule.default === 'function' ? formatsModule.default : formatsModule.default.default;

const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true });
addFormats(ajv);
const compiled = new WeakMap<object, ValidateFunction>();

/** One line per error: `<source>: <path> <reason>`, so a bad file shows every problem at once. */
export function formatSchemaErrors(source: string, errors: readonly ErrorObject[]): string[] {
  return errors.map((e) => {
    const path = e.instancePath === '' ? '(root)' : e.instancePath;
    const extra =
      e.keyword === 'additionalProperties'
        ? ` '${String((e.params as { additionalProperty: string }).additionalProperty)}'`
        : e.keyword === 'enum'
          ? `: ${JSON.stringify((e.params as { allowedValues: unknown }).allowedValues)}`
          : '';
    return `${source}: ${path} ${e.message ?? 'is invalid'}${extra}`;
  });
}

/**
 * Validates data (a configuration, policy or profile — never patient data) against a JSON Schema,
 * throwing one error that lists the path and reason of every problem.
 */
export function assertValid<T>(schema: object, data: unknown, source: string, code: VoileErrorCode = 'CONFIG_INVALID'): T {
  let validate = compiled.get(schema);
  if (!validate) {
    validate = ajv.compile(schema);
    compiled.set(schema, validate);
  }
  if (!validate(data)) {
    const lines = formatSchemaErrors(source, validate.errors ?? []);
    throw new VoileError(code, `Invalid ${source}:\n  ${lines.join('\n  ')}`, { detail: lines.join('; ') });
  }
  return data as T;
}
