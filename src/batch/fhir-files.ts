import { createReadStream, createWriteStream, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { basename, dirname, extname, join, relative } from 'node:path';
import { createInterface } from 'node:readline';
import type { Resource } from '@medplum/fhirtypes';
import type { FhirAnonymizer } from '../anonymize/fhir/api.js';
import { VoileError } from '../errors.js';

export interface BatchReport {
  files: number;
  resourcesIn: number;
  resourcesOut: number;
  dropped: number;
}

/** Largest single JSON resource or Bundle file read whole; NDJSON is streamed line by line. */
const MAX_JSON_FILE_BYTES = 512 * 1024 * 1024;

export interface BatchOptions {
  /**
   * Folder mode: keep the input's relative paths and file names. Off by default, because names
   * such as `dupont-jean-1961.ndjson` carry identity that the anonymized content no longer has.
   */
  readonly keepNames?: boolean;
}

/**
 * Anonymizes a resource file, a Bundle, an NDJSON file or a folder of them (recursively) into
 * `outPath`. A single file goes to `outPath` itself. A folder's files go flat into `outPath`, named
 * by their position in sorted order and the resource type they hold (`000001.Patient.ndjson`,
 * `000002.Bundle.json`, `000003.mixed.ndjson`), unless `keepNames` is set. Fails on the first error:
 * an output is either complete and anonymized or not written at all (written to a temporary name and
 * renamed at the end).
 */
export async function anonymizeFhirPath(inPath: string, outPath: string, engine: FhirAnonymizer, options: BatchOptions = {}): Promise<BatchReport> {
  const report: BatchReport = { files: 0, resourcesIn: 0, resourcesOut: 0, dropped: 0 };
  const stat = statOrFail(inPath);
  if (stat.isDirectory()) {
    let position = 0;
    for (const file of walk(inPath)) {
      position++;
      const name = options.keepNames
        ? (_type: string) => join(outPath, relative(inPath, file))
        : (type: string) => join(outPath, `${String(position).padStart(6, '0')}.${type}${extname(file).toLowerCase()}`);
      await anonymizeFile(file, name, engine, report);
    }
  } else {
    await anonymizeFile(inPath, () => outPath, engine, report);
  }
  return report;
}

/** The output path of one input, once the type of what it holds is known. */
type OutputName = (resourceType: string) => string;

/** A resource type as it may appear in a file name (input is untrusted: no `/`, no `..`). */
function nameSafeType(resourceType: string): string {
  return /^[A-Za-z]{1,64}$/.test(resourceType) ? resourceType : 'other';
}

function* walk(dir: string): Generator<string> {
  for (const name of readdirSync(dir).sort()) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) yield* walk(full);
    else if (/\.(json|ndjson|jsonl)$/i.test(name)) yield full;
  }
}

async function anonymizeFile(file: string, out: OutputName, engine: FhirAnonymizer, report: BatchReport): Promise<void> {
  report.files++;
  if (/\.(ndjson|jsonl)$/i.test(file)) {
    await anonymizeNdjson(file, out, engine, report);
    return;
  }
  if (statOrFail(file).size > MAX_JSON_FILE_BYTES) throw new VoileError('PAYLOAD_TOO_LARGE', `${basename(file)} is too large; use NDJSON`);
  const resource = parseResource(readFileSync(file, 'utf8'), basename(file));
  report.resourcesIn++;
  const { resource: result } = await engine.anonymize(resource);
  if (!result) {
    report.dropped++;
    return;
  }
  report.resourcesOut++;
  const target = out(nameSafeType(resource.resourceType));
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, `${JSON.stringify(result, null, 2)}\n`);
}

async function anonymizeNdjson(file: string, out: OutputName, engine: FhirAnonymizer, report: BatchReport): Promise<void> {
  // The temporary file sits where a kept name would go, or beside the numbered outputs.
  const tmp = `${out('partial')}.partial`;
  let type: string | undefined;
  async function* anonymizedLines() {
    const lines = createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity });
    let lineNo = 0;
    for await (const line of lines) {
      lineNo++;
      if (line.trim() === '') continue;
      const resource = parseResource(line, `${basename(file)} line ${lineNo}`);
      const safe = nameSafeType(resource.resourceType);
      type = type === undefined || type === safe ? safe : 'mixed';
      report.resourcesIn++;
      const { resource: result } = await engine.anonymize(resource);
      if (!result) {
        report.dropped++;
        continue;
      }
      report.resourcesOut++;
      yield `${JSON.stringify(result)}\n`;
    }
  }
  try {
    // pipeline gives back-pressure (the generator waits while the file is slow) and tears both ends down on error.
    mkdirSync(dirname(tmp), { recursive: true });
    await pipeline(anonymizedLines, createWriteStream(tmp));
    renameSync(tmp, out(type ?? 'empty'));
  } catch (err) {
    rmSync(tmp, { force: true });
    throw err;
  }
}

function parseResource(text: string, where: string): Resource {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new VoileError('MALFORMED_JSON', `${where} is not valid JSON`);
  }
  if (typeof value !== 'object' || value === null || typeof (value as { resourceType?: unknown }).resourceType !== 'string') {
    throw new VoileError('BAD_REQUEST', `${where} is not a FHIR resource`);
  }
  return value as Resource;
}

function statOrFail(path: string) {
  try {
    return statSync(path);
  } catch {
    throw new VoileError('BAD_REQUEST', `Cannot read ${path}`);
  }
}
