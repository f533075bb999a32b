import { createCipheriv, createHmac, randomBytes, randomInt } from 'node:crypto';
import type { Resource } from '@medplum/fhirtypes';
import { VoileError } from '../../../errors.js';
import type { FhirAnonymizeDeps, FhirAnonymizeResult, FhirAnonymizer } from '../api.js';
import { compileFhirPath } from '../fhirpath-eval.js';
import { toStandardFhirPath } from '../paths.js';
import { compileCases, generalizeValue, type CompiledCases } from '../values.js';
import type { MicrosoftParameters, MicrosoftProfile, MicrosoftRule } from './config.js';
import { buildElement, buildResource, MsNode, toJson, toView } from './tree.js';

export type { MicrosoftProfile } from './config.js';

/**
 * Microsoft's semantics, reproduced: for each resource (outer first), rules run in order; each
 * selects nodes and processes them with their whole subtree, skipping nodes an earlier rule already
 * processed; what no rule touches is kept. Afterwards empty elements are removed and `meta.security`
 * tells what was done.
 */
export function isMicrosoftProfile(profile: unknown): profile is MicrosoftProfile {
  return (profile as { kind?: unknown } | null)?.kind === 'microsoft-config';
}

type Operation = 'REDACT' | 'ABSTRACT' | 'CRYPTOHASH' | 'ENCRYPT' | 'PERTURB' | 'SUBSTITUTE' | 'GENERALIZE';

const V3 = 'http://terminology.hl7.org/CodeSystem/v3-ObservationValue';
const LABELS: ReadonlyArray<readonly [Operation, Record<string, string>]> = [
  ['REDACT', { system: V3, code: 'REDACTED', display: 'redacted' }],
  ['ABSTRACT', { system: V3, code: 'ABSTRED', display: 'abstracted' }],
  ['CRYPTOHASH', { system: V3, code: 'CRYTOHASH', display: 'cryptographic hash function' }],
  ['ENCRYPT', { code: 'ENCRYPT', display: 'exact value is transformed into ciphertext' }],
  ['PERTURB', { code: 'PERTURBED', display: 'exact value is replaced with another exact value' }],
  ['SUBSTITUTE', { code: 'SUBSTITUTED', display: 'exact value is replaced with a predefined value' }],
  ['GENERALIZE', { code: 'GENERALIZED', display: 'exact value is replaced with a general value' }],
];

interface CompiledMsRule {
  readonly rule: MicrosoftRule;
  readonly method: string;
  /** Resource type prefix of the path ('' = any). */
  readonly resourceType: string;
  readonly expression: string;
  readonly isResourceTypeRule: boolean;
  readonly byType: { readonly type: string; readonly child: string | undefined } | undefined;
  readonly expr: ReturnType<typeof compileFhirPath> | undefined;
  readonly cases: CompiledCases | undefined;
}

class ProcessingError extends Error {}

const TYPE_RULE = /^nodesByType\(['"]([A-Za-z0-9]+)['"]\)(?:\.([A-Za-z0-9]+))?$/;
const PATH = /^([A-Z][a-zA-Z]*)?(\.)?(.*?)$/s;

export function createMicrosoftAnonymizer(profile: MicrosoftProfile, _deps: FhirAnonymizeDeps): FhirAnonymizer {
  const rules = profile.rules.map(compileMsRule);
  return {
    resourceTypes: undefined,
    async anonymize(resource: Resource): Promise<FhirAnonymizeResult> {
      const root = buildResource(resource as unknown as Record<string, unknown>);
      try {
        new Run(rules, profile.parameters).visit(root);
      } catch (err) {
        if (err instanceof ProcessingError && profile.processingErrors === 'skip') {
          return { resource: { resourceType: root.type, meta: { security: [LABELS[0]![1]] } } as unknown as Resource };
        }
        throw new VoileError('ANONYMIZATION_FAILED', 'The resource could not be anonymized', { cause: err });
      }
      removeEmpty(root);
      return { resource: toJson(root) as unknown as Resource };
    },
  };
}

function compileMsRule(rule: MicrosoftRule): CompiledMsRule {
  const m = PATH.exec(rule.path)!;
  const resourceType = m[1] ?? '';
  let expression = m[3] ?? '';
  if (expression === '') expression = rule.path;
  const typeMatch = TYPE_RULE.exec(rule.path);
  const isResourceTypeRule = rule.path === resourceType;
  let expr: CompiledMsRule['expr'];
  if (!typeMatch && !isResourceTypeRule) {
    try {
      expr = compileFhirPath(toStandardFhirPath(expression));
    } catch (cause) {
      throw new VoileError('PROFILE_INVALID', 'A Microsoft rule path is not valid FHIRPath', { cause });
    }
  }
  const method = rule.method.toLowerCase();
  return {
    rule,
    method,
    resourceType,
    expression,
    isResourceTypeRule,
    byType: typeMatch ? { type: typeMatch[1]!, child: typeMatch[2] } : undefined,
    expr,
    cases: method === 'generalize' ? compileCases({ path: rule.path, method: 'generalize', cases: rule.cases ?? {} }) : undefined,
  };
}

class Run {
  readonly #visited = new Set<MsNode>();
  readonly #rules: readonly CompiledMsRule[];
  readonly #params: MicrosoftParameters;

  constructor(rules: readonly CompiledMsRule[], params: MicrosoftParameters) {
    this.#rules = rules;
    this.#params = params;
  }

  /** Depth-first over resources: process a resource, then the resources nested in it. */
  visit(node: MsNode): Set<Operation> {
    const ops = node.isResource ? this.#processResource(node) : new Set<Operation>();
    for (const child of [...node.children]) {
      for (const op of this.visit(child)) ops.add(op);
    }
    if (node.isResource && node.name !== 'contained') addSecurityTags(node, ops);
    return ops;
  }

  #processResource(node: MsNode): Set<Operation> {
    const byType = new Map<string, MsNode[]>();
    const index = (n: MsNode): void => {
      for (const child of n.children) {
        const list = byType.get(child.type);
        if (list) list.push(child);
        else byType.set(child.type, [child]);
        if (!child.isResource) index(child);
      }
    };
    index(node);
    const ops = new Set<Operation>();
    for (const rule of this.#rules) {
      if (rule.resourceType !== '' && rule.resourceType !== node.type && rule.resourceType !== 'Resource' && rule.resourceType !== 'DomainResource') continue;
      for (const match of this.#matches(rule, node, byType)) this.#processRecursive(match, rule, node, ops);
    }
    return ops;
  }

  #matches(rule: CompiledMsRule, node: MsNode, byType: Map<string, MsNode[]>): MsNode[] {
    if (rule.byType) {
      const nodes = byType.get(rule.byType.type) ?? [];
      const child = rule.byType.child;
      return child ? nodes.flatMap((n) => n.childrenNamed(child)) : nodes;
    }
    if (rule.isResourceTypeRule) return [node];
    const view = toView(node);
    let results: unknown[];
    try {
      results = rule.expr!(view.json);
    } catch (cause) {
      throw new ProcessingError('rule evaluation failed', { cause });
    }
    const out: MsNode[] = [];
    for (const r of results) {
      const rn = r as { data: unknown; parentResNode: { data: unknown } | null; propName: string | null; index: number | null };
      if (!rn || typeof rn !== 'object' || !('parentResNode' in rn)) continue;
      if (rn.parentResNode === null) out.push(node);
      else if (rn.data !== null && typeof rn.data === 'object' && view.objects.has(rn.data)) out.push(view.objects.get(rn.data)!);
      else if (rn.propName) {
        const slot = view.primitives.get(rn.parentResNode.data as object)?.get(rn.index === null ? rn.propName : `${rn.propName}#${rn.index}`);
        if (slot) out.push(slot);
      }
    }
    return out;
  }

  #processRecursive(node: MsNode, rule: CompiledMsRule, resource: MsNode, ops: Set<Operation>): void {
    if (this.#visited.has(node)) return;
    this.#process(node, rule, resource, ops);
    this.#visited.add(node);
    for (const child of [...node.children]) {
      if (child.isResource) continue;
      this.#processRecursive(child, rule, resource, ops);
    }
  }

  #process(node: MsNode, rule: CompiledMsRule, _resource: MsNode, ops: Set<Operation>): void {
    switch (rule.method) {
      case 'keep':
        return;
      case 'redact':
        return this.#redact(node, ops);
      case 'dateshift':
        return this.#dateShift(node, ops);
      case 'cryptohash':
        return this.#cryptoHash(node, ops);
      case 'encrypt':
        return this.#encrypt(node, ops);
      case 'perturb':
        return this.#perturb(node, rule.rule, ops);
      case 'generalize':
        return this.#generalize(node, rule, ops);
      case 'substitute':
        return this.#substitute(node, rule.rule, ops);
      default:
        return;
    }
  }

  // ---- methods ----------------------------------------------------------------------------------

  #redact(node: MsNode, ops: Set<Operation>): void {
    if (isEmptyValue(node.value)) return;
    const p = this.#params;
    const value = String(node.value);
    if (node.type === 'date' || node.type === 'dateTime' || node.type === 'instant') {
      node.value = p.enablePartialDatesForRedact ? partialDate(value) : null;
      ops.add('REDACT');
    } else if (node.type === 'decimal' && node.parent?.type === 'Age') {
      if (!p.enablePartialAgesForRedact || Number(value) > 89) node.value = null;
      ops.add('REDACT');
    } else if (node.name === 'postalCode') {
      if (p.enablePartialZipCodesForRedact) {
        if (p.restrictedZipCodeTabulationAreas.some((z) => value.startsWith(z))) node.value = value.replace(/\d/g, '0');
        else if (value.length >= 3) node.value = value.slice(0, 3) + value.slice(3).replace(/\d/g, '0');
        ops.add('ABSTRACT');
      } else {
        node.value = null;
        ops.add('REDACT');
      }
    } else {
      node.value = null;
      ops.add('REDACT');
    }
  }

  #dateShift(node: MsNode, ops: Set<Operation>): void {
    if (isEmptyValue(node.value)) return;
    if (node.type !== 'date' && node.type !== 'dateTime' && node.type !== 'instant') return;
    const value = String(node.value);
    const m = DATE_TIME.exec(value);
    if (!m || m[3] === undefined || overAgeThreshold(m)) {
      node.value = this.#params.enablePartialDatesForRedact ? partialDate(value) : null;
      ops.add('REDACT');
      return;
    }
    const offset = dateShiftOffset(this.#params.dateShiftKey, node.root().idValue());
    const shifted = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) + offset * 86_400_000);
    const date = `${pad(shifted.getUTCFullYear(), 4)}-${pad(shifted.getUTCMonth() + 1, 2)}-${pad(shifted.getUTCDate(), 2)}`;
    // Times are zeroed, the zone kept: `T01:01:01-01:00` becomes `T00:00:00-01:00`.
    const rest = node.type === 'date' || m[4] === undefined ? '' : m[4].replace(/^(T)(\d{2}:\d{2}:\d{2}(?:\.\d+)?)/, (_s, t: string, time: string) => t + time.replace(/\d/g, '0'));
    node.value = date + rest;
    ops.add('PERTURB');
  }

  #cryptoHash(node: MsNode, ops: Set<Operation>): void {
    if (isEmptyValue(node.value)) return;
    const value = String(node.value);
    const hash = (s: string): string => createHmac('sha256', Buffer.from(this.#params.cryptoHashKey, 'utf8')).update(s, 'utf8').digest('hex');
    node.value = node.name === 'reference' && node.parent?.type === 'Reference' ? transformReferenceId(value, hash) : hash(value);
    ops.add('CRYPTOHASH');
  }

  #encrypt(node: MsNode, ops: Set<Operation>): void {
    if (isEmptyValue(node.value)) return;
    const key = Buffer.from(this.#params.encryptKey, 'utf8');
    if (![16, 24, 32].includes(key.length)) throw new ProcessingError('encryptKey must be 128, 192 or 256 bits');
    const iv = randomBytes(16);
    const cipher = createCipheriv(`aes-${key.length * 8}-cbc`, key, iv);
    node.value = Buffer.concat([iv, cipher.update(String(node.value), 'utf8'), cipher.final()]).toString('base64');
    ops.add('ENCRYPT');
  }

  #perturb(node: MsNode, rule: MicrosoftRule, ops: Set<Operation>): void {
    if (isEmptyValue(node.value) || !['decimal', 'integer', 'positiveInt', 'unsignedInt'].includes(node.type)) return;
    const value = Number(node.value);
    const span = rule.span ?? 0;
    const range = rule.rangeType?.toLowerCase() === 'proportional' ? Math.abs(value) * span : span;
    const noise = ((randomInt(0, 2 ** 31) / 2 ** 31) * 2 - 1) * (range / 2);
    const digits = node.type === 'decimal' ? rule.roundTo ?? 2 : 0;
    let out = Math.round((value + noise) * 10 ** digits) / 10 ** digits;
    if (node.type === 'positiveInt') out = Math.max(1, out);
    if (node.type === 'unsignedInt') out = Math.max(0, out);
    node.value = out;
    ops.add('PERTURB');
  }

  #generalize(node: MsNode, rule: CompiledMsRule, ops: Set<Operation>): void {
    if (!node.isPrimitive) throw new ProcessingError('generalize applies to primitive values only');
    if (node.value === null || node.value === undefined) return;
    let outcome;
    try {
      outcome = generalizeValue(rule.cases!, node.value, node.type);
    } catch (cause) {
      throw new ProcessingError('generalize failed', { cause });
    }
    if (outcome.matched) node.value = outcome.value ?? null;
    else if ((rule.rule.otherValues ?? 'redact').toLowerCase() === 'redact') node.value = null;
    ops.add('GENERALIZE');
  }

  #substitute(node: MsNode, rule: MicrosoftRule, ops: Set<Operation>): void {
    const replaceWith = rule.replaceWith;
    let replacement: MsNode;
    if (node.isPrimitive) {
      replacement = new MsNode(node.name, node.type, node.key, node.isArray, false, true);
      replacement.value = replaceWith === undefined || replaceWith === null ? null : typeof replaceWith === 'object' ? JSON.stringify(replaceWith) : replaceWith;
    } else {
      const json = typeof replaceWith === 'string' ? (JSON.parse(replaceWith) as Record<string, unknown>) : ((replaceWith ?? {}) as Record<string, unknown>);
      replacement = buildElement(json, node.type, node.name, node.key, node.isArray);
    }
    const keep = new Set<MsNode>();
    this.#collectKeep(node, keep);
    this.#substituteNode(node, replacement, keep, ops);
    this.#markVisited(node);
  }

  #collectKeep(node: MsNode, keep: Set<MsNode>): boolean {
    let should = false;
    for (const child of node.children) should = this.#collectKeep(child, keep) || should;
    if (should || this.#visited.has(node)) {
      keep.add(node);
      return true;
    }
    return false;
  }

  #substituteNode(node: MsNode, replacement: MsNode, keep: Set<MsNode>, ops: Set<Operation>): void {
    if (this.#visited.has(node)) return;
    const names = new Set(replacement.children.map((c) => c.name));
    for (const name of names) {
      const children = node.childrenNamed(name);
      const targets = replacement.childrenNamed(name);
      let i = 0;
      for (const child of children) {
        if (this.#visited.has(child)) {
          i++;
        } else if (i < targets.length) {
          this.#substituteNode(child, targets[i++]!, keep, ops);
        } else if (keep.has(child)) {
          this.#substituteNode(child, dummy(child), keep, ops);
        } else {
          node.remove(child);
        }
      }
      while (i < targets.length) node.add(cloneNode(targets[i++]!));
    }
    for (const child of node.children.filter((c) => !names.has(c.name))) {
      if (this.#visited.has(child)) continue;
      if (keep.has(child)) this.#substituteNode(child, dummy(child), keep, ops);
      else node.remove(child);
    }
    node.value = replacement.value ?? null;
    ops.add('SUBSTITUTE');
  }

  #markVisited(node: MsNode): void {
    this.#visited.add(node);
    for (const child of node.children) this.#markVisited(child);
  }
}

function dummy(like: MsNode): MsNode {
  const node = new MsNode(like.name, like.type, like.key, like.isArray, false, like.isPrimitive);
  node.value = null;
  return node;
}

function cloneNode(source: MsNode): MsNode {
  const node = new MsNode(source.name, source.type, source.key, source.isArray, source.isResource, source.isPrimitive);
  node.value = source.value;
  for (const child of source.children) node.add(cloneNode(child));
  return node;
}

/** Removes elements with neither value nor children (resources stay). */
function removeEmpty(node: MsNode): void {
  for (const child of [...node.children]) {
    removeEmpty(child);
    if (!child.isResource && child.children.length === 0 && (child.value === null || child.value === undefined)) node.remove(child);
  }
}

function addSecurityTags(resource: MsNode, ops: ReadonlySet<Operation>): void {
  if (ops.size === 0) return;
  let meta = resource.children.find((c) => c.name === 'meta');
  if (!meta) {
    meta = new MsNode('meta', 'Meta', 'meta', false, false, false);
    resource.add(meta);
  }
  for (const [op, coding] of LABELS) {
    if (!ops.has(op)) continue;
    const exists = meta.childrenNamed('security').some((s) => s.childrenNamed('code').some((c) => String(c.value).toLowerCase() === coding['code']!.toLowerCase()));
    if (!exists) meta.add(buildElement(coding, 'Coding', 'security', 'security', true));
  }
}

// ---- helpers ----------------------------------------------------------------------------------

const DATE_TIME = /^(\d{4})(?:-(\d{2})(?:-(\d{2})(T.*)?)?)?/; // unanchored like theirs: "2001-01-01Z" shifts as a date

function isEmptyValue(value: unknown): boolean {
  return value === null || value === undefined || String(value) === '';
}

/** Partial redaction keeps the year, unless the date says the person is over 89. */
function partialDate(value: string): string | null {
  const m = DATE_TIME.exec(value);
  if (!m) return null;
  return overAgeThreshold(m) ? null : m[1]!;
}

function overAgeThreshold(m: RegExpExecArray): boolean {
  const year = Number(m[1]);
  const month = m[2] === undefined ? 1 : Number(m[2]);
  const day = m[3] === undefined ? 1 : Number(m[3]);
  const now = new Date();
  const age = now.getFullYear() - year - (now.getMonth() + 1 < month || (now.getMonth() + 1 === month && now.getDate() < day) ? 1 : 0);
  return age > 89;
}

/** Microsoft's offset: fold (o·131 + b) mod 101 over the bytes of prefix + key, minus 50. */
export function dateShiftOffset(key: string, prefix: string): number {
  let offset = 0;
  for (const b of Buffer.from(prefix + key, 'utf8')) offset = (offset * 131 + b) % 101;
  return offset - 50;
}

const RESOURCE_REFERENCE = /^((?:https?:\/\/[A-Za-z0-9\\/.:%$]*)?[A-Z][A-Za-z]+\/)([A-Za-z0-9\-.]{1,64})(\/_history\/[A-Za-z0-9\-.]{1,64})?$/;
const OID_REFERENCE = /^(urn:oid:)([0-2](?:\.(?:0|[1-9][0-9]*))+)()$/;
const UUID_REFERENCE = /^(urn:uuid:)([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})()$/;

function transformReferenceId(reference: string, transform: (id: string) => string): string {
  if (reference.startsWith('#')) return `#${transform(reference.slice(1))}`;
  for (const re of [RESOURCE_REFERENCE, OID_REFERENCE, UUID_REFERENCE]) {
    const m = re.exec(reference);
    if (m) return `${m[1]}${transform(m[2]!)}${m[3] ?? ''}`;
  }
  return transform(reference);
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}
