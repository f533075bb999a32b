import type { Bundle, BundleEntry, BundleLink, Resource } from '@medplum/fhirtypes';
import type { Principal } from '../auth/principal.js';
import { VoileError, toVoileError } from '../errors.js';
import type { FhirUpstream } from '../upstream/fhir-upstream.js';
import { canReadType, withholdUnreadable } from './access.js';
import { sealCursor } from './cursor.js';
import { isFhirId } from '../util/fhir-id.js';

/**
 * Turns upstream documents into what the caller may see: each resource anonymized by the caller's
 * policy, types the caller may not read dropped (Bundle entries, `_include`, `$everything`,
 * contained resources), and every URL rebuilt on the gateway's base. Nothing from the upstream
 * document is copied unless it is a resource that went through the anonymizer or a value Voile
 * re-derives (counts, search modes).
 */
export interface ResponseContext {
  readonly principal: Principal;
  readonly upstream: FhirUpstream;
  /** `${publicBaseUrl}/fhir` */
  readonly fhirBase: string;
  readonly cursorTtlSeconds: number;
  /** Called once per response that fails to anonymize (metrics). */
  readonly onAnonymizationFailure: () => void;
}

/** One resource (read, vread). undefined when the profile drops it or the caller may not see it. */
export async function anonymizeSingle(raw: unknown, expectedType: string, ctx: ResponseContext): Promise<Resource | undefined> {
  if (!isResource(raw) || raw.resourceType !== expectedType) {
    throw new VoileError('UPSTREAM_BAD_RESPONSE', 'The upstream FHIR server returned an unexpected document');
  }
  const readable = withholdUnreadable(ctx.principal, raw);
  return readable === undefined ? undefined : anonymizeResource(readable, ctx);
}

/** A search, `$everything` or paging Bundle, rebuilt with anonymized entries and gateway links. */
export async function anonymizeSearchBundle(raw: unknown, ctx: ResponseContext): Promise<Bundle> {
  if (!isResource(raw) || raw.resourceType !== 'Bundle') {
    throw new VoileError('UPSTREAM_BAD_RESPONSE', 'The upstream FHIR server returned an unexpected document');
  }
  const upstreamBundle = withholdUnreadable(ctx.principal, raw as Bundle) ?? { resourceType: 'Bundle', type: 'searchset' };
  const rawEntries = Array.isArray(upstreamBundle.entry) ? upstreamBundle.entry : [];
  const entries = await anonymizeEntries(rawEntries, ctx);
  const bundle: Bundle = {
    resourceType: 'Bundle',
    type: 'searchset',
    // A total that counts withheld resources (avatar mode) would tell what was withheld.
    ...(ctx.principal.policy.fhir.withholdsResources !== true && Number.isSafeInteger(upstreamBundle.total) && upstreamBundle.total! >= 0 ? { total: upstreamBundle.total } : {}),
    link: rewriteLinks(upstreamBundle.link, ctx),
    entry: entries.filter((e): e is BundleEntry => e !== undefined),
  };
  if (bundle.link!.length === 0) delete bundle.link;
  return bundle;
}

export function emptySearchBundle(): Bundle {
  return { resourceType: 'Bundle', type: 'searchset', total: 0, entry: [] };
}

/** The gateway URL of an anonymized resource; none when its id is not a plain FHIR id. */
export function fullUrlOf(resource: Resource, fhirBase: string): string | undefined {
  return isFhirId(resource.id) ? `${fhirBase}/${resource.resourceType}/${resource.id}` : undefined;
}

/** The entries the caller may see, anonymized in one call to the policy's anonymizer. */
async function anonymizeEntries(rawEntries: readonly BundleEntry[], ctx: ResponseContext): Promise<BundleEntry[]> {
  const kept: BundleEntry[] = [];
  const resources: Resource[] = [];
  for (const entry of rawEntries) {
    const raw: unknown = entry?.resource;
    // Upstream OperationOutcomes (search warnings) quote upstream text: never relayed.
    if (!isResource(raw) || raw.resourceType === 'OperationOutcome' || !canReadType(ctx.principal, raw.resourceType)) continue;
    kept.push(entry);
    resources.push(raw);
  }
  const anonymized = await anonymizeAll(resources, ctx);
  const out: BundleEntry[] = [];
  for (let i = 0; i < anonymized.length; i++) {
    const resource = released(anonymized[i], ctx);
    if (resource === undefined) continue;
    const mode = kept[i]!.search?.mode === 'include' ? 'include' : 'match';
    const fullUrl = fullUrlOf(resource, ctx.fhirBase);
    // Two literals rather than a spread of a conditional object: one fixed shape per case, no clone.
    out.push(fullUrl === undefined ? { resource, search: { mode } } : { fullUrl, resource, search: { mode } });
  }
  return out;
}

async function anonymizeResource(raw: Resource, ctx: ResponseContext): Promise<Resource | undefined> {
  if (!canReadType(ctx.principal, raw.resourceType)) return undefined;
  const [resource] = await anonymizeAll([raw], ctx);
  return released(resource, ctx);
}

/** The policy's anonymizer over `resources`; a failure fails the whole response, counted once. */
async function anonymizeAll(resources: readonly Resource[], ctx: ResponseContext): Promise<(Resource | undefined)[]> {
  if (resources.length === 0) return [];
  const anonymizer = ctx.principal.policy.fhir;
  try {
    if (anonymizer.anonymizeMany !== undefined) return await anonymizer.anonymizeMany(resources);
    return await Promise.all(resources.map(async (r) => (await anonymizer.anonymize(r)).resource));
  } catch (err) {
    ctx.onAnonymizationFailure();
    throw toVoileError(err, 'ANONYMIZATION_FAILED');
  }
}

/** An anonymized resource as it may leave: its type still readable, unreadable contained ones dropped. */
function released(resource: Resource | undefined, ctx: ResponseContext): Resource | undefined {
  if (resource === undefined) return undefined;
  if (!isResource(resource) || !canReadType(ctx.principal, resource.resourceType)) return undefined;
  return dropUnreadableContained(resource, ctx.principal);
}

function dropUnreadableContained(resource: Resource, principal: Principal): Resource {
  if (!('contained' in resource) || !Array.isArray(resource.contained)) return resource;
  const contained = (resource.contained as unknown[]).filter((c) => isResource(c) && canReadType(principal, c.resourceType));
  if (contained.length === resource.contained.length) return resource;
  const copy = { ...resource } as Resource & { contained?: Resource[] };
  if (contained.length === 0) delete copy.contained;
  else copy.contained = contained as Resource[];
  return copy;
}

const PAGING_RELATIONS = new Map([
  ['self', 'self'],
  ['first', 'first'],
  ['previous', 'previous'],
  ['prev', 'previous'],
  ['next', 'next'],
  ['last', 'last'],
]);

function rewriteLinks(links: unknown, ctx: ResponseContext): BundleLink[] {
  if (!Array.isArray(links)) return [];
  const out: BundleLink[] = [];
  // `self` and `first` are often the same URL: sealed once (AES-GCM per cursor), the same token for both.
  const sealed = new Map<string, string | undefined>();
  for (const link of links as Partial<BundleLink>[]) {
    const relation = PAGING_RELATIONS.get(String(link?.relation));
    if (relation === undefined || typeof link.url !== 'string') continue;
    let cursor = sealed.get(link.url);
    if (cursor === undefined && !sealed.has(link.url)) {
      cursor = sealCursor(ctx.principal, ctx.upstream, link.url, ctx.cursorTtlSeconds);
      sealed.set(link.url, cursor);
    }
    if (cursor === undefined) continue;
    out.push({ relation, url: `${ctx.fhirBase}/_page?cursor=${cursor}` });
  }
  return out;
}

function isResource(value: unknown): value is Resource {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    typeof (value as { resourceType?: unknown }).resourceType === 'string' &&
    /^[A-Z][A-Za-z]{1,63}$/.test((value as { resourceType: string }).resourceType)
  );
}
