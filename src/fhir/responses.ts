import type { Bundle, BundleEntry, BundleLink, Resource } from '@medplum/fhirtypes';
import type { Principal } from '../auth/principal.js';
import { VoileError, toVoileError } from '../errors.js';
import type { FhirUpstream } from '../upstream/fhir-upstream.js';
import { canReadType, withholdUnreadable } from './access.js';
import { sealCursor } from './cursor.js';

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
  const entries = await Promise.all(rawEntries.map((entry) => anonymizeEntry(entry, ctx)));
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
  return typeof resource.id === 'string' && /^[A-Za-z0-9\-.]{1,64}$/.test(resource.id) ? `${fhirBase}/${resource.resourceType}/${resource.id}` : undefined;
}

async function anonymizeEntry(entry: BundleEntry, ctx: ResponseContext): Promise<BundleEntry | undefined> {
  const raw: unknown = entry?.resource;
  if (!isResource(raw)) return undefined;
  // Upstream OperationOutcomes (search warnings) quote upstream text: never relayed.
  if (raw.resourceType === 'OperationOutcome') return undefined;
  const resource = await anonymizeResource(raw, ctx);
  if (!resource) return undefined;
  const mode = entry.search?.mode === 'include' ? 'include' : 'match';
  const fullUrl = fullUrlOf(resource, ctx.fhirBase);
  // Two literals rather than a spread of a conditional object: one fixed shape per case, no clone.
  return fullUrl === undefined ? { resource, search: { mode } } : { fullUrl, resource, search: { mode } };
}

async function anonymizeResource(raw: Resource, ctx: ResponseContext): Promise<Resource | undefined> {
  if (!canReadType(ctx.principal, raw.resourceType)) return undefined;
  let resource: Resource | undefined;
  try {
    ({ resource } = await ctx.principal.policy.fhir.anonymize(raw));
  } catch (err) {
    ctx.onAnonymizationFailure();
    throw toVoileError(err, 'ANONYMIZATION_FAILED');
  }
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
