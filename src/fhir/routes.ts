import type { FastifyInstance, FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { Resource } from '@medplum/fhirtypes';
import type { Principal } from '../auth/principal.js';
import { noteAudit, noteReturned, timedUpstream } from '../audit/hook.js';
import { VoileError } from '../errors.js';
import type { FhirUpstream } from '../upstream/fhir-upstream.js';
import { canReadType, isReleasedByProfile, requireReadAccess, requireSearchAccess } from './access.js';
import { rewriteCapabilityStatement } from './capability.js';
import { openCursor } from './cursor.js';
import { isResourceTypeName, loadDefinitions } from './definitions.js';
import { anonymizeSearchBundle, anonymizeSingle, emptySearchBundle, type ResponseContext } from './responses.js';
import { guardEverything, guardSearch, isSearchParamAllowed, type GuardContext } from './search-guard.js';
import { parseSearch } from './search-query.js';
import { parseQuery, rawQuery } from './query-string.js';
import { isFhirId } from '../util/fhir-id.js';

/**
 * The FHIR REST proxy, mounted under `/fhir`. Read-only: metadata, read, vread, search (GET and
 * POST `_search`), paging cursors, `Patient/{id}/$everything`. Every handler follows the same path:
 * caller → guard (types, ids, parameters; pseudonyms → real ids) → upstream → anonymize → flush
 * identity mappings → send. Writes are refused before their body is read.
 */
export interface FhirRoutesOptions {
  readonly upstream: FhirUpstream;
  /** The gateway's public base URL (no trailing slash), asked per request: it may be known only once listening. */
  readonly publicBaseUrl: () => string;
  readonly authenticate: (request: FastifyRequest) => Promise<Principal>;
  readonly defaultCount: number;
  readonly maxCount: number;
  readonly cursorTtlSeconds: number;
  readonly version: string;
  readonly onAnonymizationFailure: () => void;
}

const FHIR_JSON = 'application/fhir+json; charset=utf-8';

export const fhirRoutes: FastifyPluginAsync<FhirRoutesOptions> = async (app, opts) => {
  // publicBaseUrl() comes without a trailing slash (src/server/app.ts strips a configured one once).
  const fhirBaseOf = () => `${opts.publicBaseUrl()}/fhir`;
  loadDefinitions();

  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_req, body, done) => done(null, body));
  app.addContentTypeParser(['application/fhir+json', 'application/json+fhir'], { parseAs: 'string' }, app.getDefaultJsonParser('error', 'error'));

  app.addHook('onRequest', async (request) => {
    checkAccept(request);
    request.principal ??= await opts.authenticate(request);
  });

  const responseContext = (principal: Principal): ResponseContext => ({
    principal,
    upstream: opts.upstream,
    fhirBase: fhirBaseOf(),
    cursorTtlSeconds: opts.cursorTtlSeconds,
    onAnonymizationFailure: opts.onAnonymizationFailure,
  });
  const guardContext = (principal: Principal, checkAccess?: () => string | undefined): GuardContext => ({
    policy: principal.policy.policy,
    identity: principal.policy.identity,
    canRead: (type) => canReadType(principal, type),
    ...(checkAccess === undefined ? {} : { checkAccess }),
    defaultCount: Math.min(opts.defaultCount, maxCountOf(principal)),
    maxCount: maxCountOf(principal),
  });
  const maxCountOf = (principal: Principal): number => Math.min(principal.policy.policy.fhir?.maxCount ?? opts.maxCount, opts.maxCount);

  /** Every upstream call goes through here, so the audit record gets the time spent upstream. */
  const fetchUpstream = (request: FastifyRequest, path: string) => timedUpstream(request, () => opts.upstream.getJson(path));

  registerRefusals(app);

  app.get('/metadata', async (request, reply) => {
    const principal = principalOf(request);
    const { body } = await fetchUpstream(request, 'metadata');
    const statement = rewriteCapabilityStatement(body, {
      fhirBase: fhirBaseOf(),
      version: opts.version,
      canRead: (type) => canReadType(principal, type),
      canSearchWith: (type, code) => isSearchParamAllowed(principal.policy.policy, type, code),
    });
    return sendFhir(reply, statement);
  });

  app.get('/_page', async (request, reply) => {
    const principal = principalOf(request);
    const token = parseQuery(rawQuery(request)).find(([name]) => name === 'cursor')?.[1];
    if (token === undefined) throw new VoileError('INVALID_CURSOR', 'The paging cursor is missing');
    const { path, resourceType } = openCursor(principal, opts.upstream, token);
    if (resourceType !== undefined && (!isResourceTypeName(resourceType) || !canReadType(principal, resourceType))) {
      throw new VoileError('FORBIDDEN', 'This resource type is not available to this client');
    }
    noteAudit(request, { interaction: 'search', ...(resourceType === undefined ? {} : { resourceType }) });
    const { body } = await fetchUpstream(request, path);
    return sendBundle(reply, principal, await anonymizeSearchBundle(body, responseContext(principal)));
  });

  const search = async (request: FastifyRequest, reply: FastifyReply, type: string, entries: [string, string][]) => {
    const principal = principalOf(request);
    requireKnownType(type);
    if (!isReleasedByProfile(principal, type)) throw new VoileError('FORBIDDEN', 'This resource type is not available to this client');
    const checkAccess = () => requireSearchAccess(principal, type, entries);
    const guarded = await guardSearch(parseSearch(type, entries), guardContext(principal, checkAccess));
    if (guarded.kind === 'empty') return sendFhir(reply, emptySearchBundle());
    const { body } = await fetchUpstream(request, `${type}?${guarded.query.toString()}`);
    return sendBundle(reply, principal, await anonymizeSearchBundle(body, responseContext(principal)));
  };

  app.get<{ Params: { type: string } }>('/:type', async (request, reply) =>
    search(request, reply, request.params.type, parseQuery(rawQuery(request))),
  );

  app.post<{ Params: { type: string } }>('/:type/_search', async (request, reply) => {
    if (typeof request.body !== 'string') {
      throw new VoileError('UNSUPPORTED_MEDIA_TYPE', 'POST _search takes an application/x-www-form-urlencoded body');
    }
    const entries = [...parseQuery(rawQuery(request)), ...parseQuery(request.body)];
    return search(request, reply, request.params.type, entries);
  });

  app.get<{ Params: { type: string; id: string } }>('/:type/:id', async (request, reply) => {
    const principal = principalOf(request);
    const { type, id } = request.params;
    const realId = await resolveTarget(principal, type, id);
    return readAndSend(request, reply, principal, type, `${type}/${encodeURIComponent(realId)}`);
  });

  app.get<{ Params: { type: string; id: string; vid: string } }>('/:type/:id/_history/:vid', async (request, reply) => {
    const principal = principalOf(request);
    const { type, id, vid } = request.params;
    if (!isFhirId(vid)) throw new VoileError('BAD_REQUEST', 'The version id is malformed');
    const realId = await resolveTarget(principal, type, id);
    return readAndSend(request, reply, principal, type, `${type}/${encodeURIComponent(realId)}/_history/${encodeURIComponent(vid)}`);
  });

  app.get<{ Params: { id: string } }>('/Patient/:id/$everything', async (request, reply) => {
    const principal = principalOf(request);
    const realId = await resolveTarget(principal, 'Patient', request.params.id);
    const parsed = parseSearch('Patient', parseQuery(rawQuery(request)));
    const query = guardEverything(parsed.params, realId, guardContext(principal));
    const { body } = await fetchUpstream(request, `Patient/${encodeURIComponent(realId)}/$everything?${query.toString()}`);
    return sendBundle(reply, principal, await anonymizeSearchBundle(body, responseContext(principal)));
  });

  async function readAndSend(request: FastifyRequest, reply: FastifyReply, principal: Principal, type: string, upstreamPath: string) {
    const { body } = await fetchUpstream(request, upstreamPath);
    const resource = await anonymizeSingle(body, type, responseContext(principal));
    if (!resource) throw new VoileError('NOT_FOUND', 'Resource not found');
    await principal.policy.identity.flush();
    return sendFhir(reply, resource);
  }
};

/** The real id behind `{type}/{pseudonym}`; forged, foreign or out-of-scope → 404 without any upstream call. */
async function resolveTarget(principal: Principal, type: string, id: string): Promise<string> {
  requireKnownType(type);
  requireReadAccess(principal, type);
  if (!isFhirId(id)) throw new VoileError('BAD_REQUEST', 'The resource id is malformed');
  const realId = await principal.policy.identity.resolveId(type, id);
  if (realId === undefined) throw new VoileError('NOT_FOUND', 'Resource not found');
  if (type === 'Patient' && principal.patientId !== undefined && realId !== principal.patientId) {
    throw new VoileError('NOT_FOUND', 'Resource not found');
  }
  return realId;
}

function requireKnownType(type: string): void {
  if (!isResourceTypeName(type)) throw new VoileError('NOT_FOUND', 'Unknown resource type');
}

function registerRefusals(app: FastifyInstance): void {
  const refuseWrite = async () => {
    throw new VoileError('METHOD_NOT_ALLOWED', 'This gateway is read-only: create, update, patch, delete, transaction and batch are not supported');
  };
  for (const url of ['/', '/*']) {
    app.route({ method: ['POST', 'PUT', 'PATCH', 'DELETE'], url, onRequest: refuseWrite, handler: refuseWrite });
  }
  const refuseHistory = async () => {
    throw new VoileError('NOT_IMPLEMENTED', 'History interactions are not offered by this gateway');
  };
  for (const url of ['/_history', '/:type/_history', '/:type/:id/_history']) app.get(url, refuseHistory);
  app.get('/', async () => {
    throw new VoileError('SEARCH_NOT_SUPPORTED', 'System-level search is not supported; search one resource type');
  });
  app.post('/_search', async () => {
    throw new VoileError('SEARCH_NOT_SUPPORTED', 'System-level search is not supported; search one resource type');
  });
}

async function sendBundle(reply: FastifyReply, principal: Principal, bundle: Resource) {
  await principal.policy.identity.flush();
  return sendFhir(reply, bundle);
}

function sendFhir(reply: FastifyReply, body: Resource) {
  // Counted here, from the object: the audit's onSend hook would otherwise re-parse the JSON text.
  noteReturned(reply.request, body);
  return reply.code(200).header('content-type', FHIR_JSON).header('cache-control', 'no-store').send(JSON.stringify(body));
}

function principalOf(request: FastifyRequest): Principal {
  if (!request.principal) throw new VoileError('UNAUTHENTICATED', 'Authentication is required');
  return request.principal;
}


function checkAccept(request: FastifyRequest): void {
  const accept = request.headers.accept;
  if (accept === undefined || accept === '') return;
  if (!/json|\*\/\*|application\/\*/i.test(accept)) throw new VoileError('NOT_ACCEPTABLE', 'This gateway only returns FHIR JSON');
}
