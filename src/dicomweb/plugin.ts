import type { FastifyInstance, FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { Principal } from '../auth/principal.js';
import { VoileError, isVoileError } from '../errors.js';
import type { ResolvedPolicy } from '../policy/runtime.js';
import {
  type DicomDeidentifier,
  type DicomJsonDataset,
  type FindFhirPatientByIdentifier,
  dicomDeidentifierForPolicy,
  isUid,
  isWellKnownUid,
  withheldError,
} from '../anonymize/dicom/index.js';
import { parseDicomPatientKey } from '../anonymize/dicom/patient-key.js';
import { timedUpstream } from '../audit/hook.js';
import { noteDicomwebAudit } from './audit.js';
import { type OutgoingPart, sendMultipart } from './stream.js';
import { parseQuery, rawQuery } from '../fhir/query-string.js';
import { type QueryPatient, translateQuery } from './query.js';
import { type QueryKeyPlan, queryKeyPlanOf } from './query-keys.js';
import type { UpstreamErrorObserver } from '../upstream/client.js';
import { DicomwebUpstream, type DicomwebUpstreamOptions } from './upstream.js';

export interface DicomwebPluginOptions {
  /** The PACS's DICOMweb root (QIDO/WADO), e.g. `http://orthanc:8042/dicom-web`, or full upstream options. */
  readonly upstream: string | DicomwebUpstreamOptions;
  /**
   * The gateway's public URL; links are `${publicBaseUrl}${mountPath}/studies/…`. A function is asked
   * when a link is written: the gateway's shared one (GatewayShared.publicBaseUrl) gives the bound
   * address once the server listens when no public URL is configured (port 0 included).
   */
  readonly publicBaseUrl: string | (() => string);
  /** Where the plugin is mounted (the fastify prefix), for the links it writes. Default `/dicomweb`. */
  readonly mountPath?: string;
  /** Sets `request.principal` (the gateway's auth). Without it, an earlier hook must have set it. */
  readonly authenticate?: (request: FastifyRequest) => Promise<Principal>;
  /**
   * For `patientLinkage.map: PatientID-is-FHIR-identifier`: the real id of the FHIR Patient that has
   * this identifier (system from the policy). Supplied by the gateway's FHIR side.
   */
  readonly findFhirPatientByIdentifier?: FindFhirPatientByIdentifier;
  /** Largest `limit` passed upstream. Default 1000. */
  readonly maxLimit?: number;
  /** Largest single instance streamed. Default 2 GiB - 1. */
  readonly maxInstanceBytes?: number;
  /** Each upstream failure, by Voile-defined kind (metrics: `voile_upstream_errors_total{upstream="dicomweb"}`). */
  readonly onUpstreamError?: UpstreamErrorObserver;
  /** Each response refused because it could not be anonymized (metrics). */
  readonly onAnonymizationFailure?: () => void;
  /**
   * The policies the gateway serves (the registry's), checked when the plugin is registered: a
   * `dicom` section it cannot serve (e.g. an `allowQueryKeys` entry that is no DICOM key, or a date
   * shifted per patient) stops start-up with POLICY_INVALID. Others are checked at first use.
   */
  readonly policies?: Iterable<ResolvedPolicy>;
}

interface PolicyRuntime {
  readonly deidentifier: DicomDeidentifier;
  readonly policy: ResolvedPolicy;
  readonly retainUids: boolean;
  readonly allowPixelData: boolean;
  readonly queryKeys: QueryKeyPlan;
}

type Level = 'study' | 'series' | 'instance';
const STUDY = 0x0020000d;
const SERIES = 0x0020000e;
const SOP_INSTANCE = 0x00080018;
/** What the gateway needs in every QIDO result: who (pseudonym, shift), which (links), withheld or not. */
const REQUIRED_FIELDS: Readonly<Record<Level, readonly number[]>> = {
  study: [0x00100020, 0x00100021, STUDY],
  series: [0x00100020, 0x00100021, STUDY, SERIES, 0x00080060],
  instance: [0x00100020, 0x00100021, STUDY, SERIES, SOP_INSTANCE, 0x00080016, 0x00080060, 0x00280301],
};
const PIXEL_BULK = /^(7FE00010|7FE00008|7FE00009)$/i;
const DICOM_MULTIPART = /^multipart\/related\s*;\s*type="?application\/dicom"?(\s*;\s*transfer-syntax=(\*|[0-9.]{1,64}))?$/i;

/**
 * The DICOMweb proxy: QIDO-RS and WADO-RS (instances, metadata, and frames/bulk pixel data when the
 * policy allows pixel access), each response de-identified by the caller's policy through the same
 * engine and identity layer as the batch tool and the FHIR side. STOW-RS, UPS-RS and deletion are
 * refused. Retrieval streams part by part: one instance in memory at a time, written with
 * back-pressure; a failure after the headers closes the connection instead of sending raw bytes.
 */
export const dicomwebPlugin: FastifyPluginAsync<DicomwebPluginOptions> = async (app: FastifyInstance, opts) => {
  const upstream = new DicomwebUpstream(typeof opts.upstream === 'string' ? { url: opts.upstream } : opts.upstream, opts.onUpstreamError);
  // Refused to anonymize (before headers: through the error handler; after: the stream is cut).
  const anonymizationFailed = (code: string) => {
    if (code === 'ANONYMIZATION_FAILED') opts.onAnonymizationFailure?.();
  };
  app.addHook('onError', async (_request, _reply, error) => anonymizationFailed(isVoileError(error) ? error.code : 'INTERNAL'));
  const publicBaseUrl = opts.publicBaseUrl;
  const mountPath = opts.mountPath ?? '/dicomweb';
  const linkBaseOf = typeof publicBaseUrl === 'string' ? () => publicBaseUrl : publicBaseUrl;
  /** Where links point: `${public base}${mountPath}`, read when a response is written. */
  const baseOf = () => `${linkBaseOf().replace(/\/+$/, '')}${mountPath}`;
  const runtimes = new WeakMap<ResolvedPolicy, PolicyRuntime>();
  app.addHook('onClose', async () => upstream.close());

  if (opts.authenticate) {
    const authenticate = opts.authenticate;
    app.addHook('onRequest', async (request) => {
      request.principal = await authenticate(request);
    });
  }

  function policyRuntime(policy: ResolvedPolicy): PolicyRuntime {
    let runtime = runtimes.get(policy);
    if (!runtime) {
      const dicom = policy.policy.dicom ?? {};
      runtime = {
        policy,
        deidentifier: dicomDeidentifierForPolicy(policy, opts.findFhirPatientByIdentifier),
        retainUids: (dicom.options ?? []).includes('retainUIDs'),
        allowPixelData: dicom.allowPixelData === true,
        queryKeys: queryKeyPlanOf(policy.name, dicom),
      };
      runtimes.set(policy, runtime);
    }
    return runtime;
  }
  // At start-up, not at the first request: a policy the gateway cannot serve stops it.
  for (const policy of opts.policies ?? []) policyRuntime(policy);

  function runtimeOf(request: FastifyRequest): PolicyRuntime {
    const principal = request.principal;
    if (!principal) throw new VoileError('UNAUTHENTICATED', 'Authentication required');
    // A patient-scoped token would need the reverse DICOM linkage for every query: refused, not guessed.
    if (principal.patientId !== undefined) throw new VoileError('FORBIDDEN', 'Patient-level access is not available for imaging');
    return policyRuntime(principal.policy);
  }

  async function realUid(runtime: PolicyRuntime, uid: string): Promise<string> {
    if (!isUid(uid)) throw new VoileError('NOT_FOUND', 'Not found');
    if (runtime.retainUids) return uid;
    const real = await runtime.policy.identity.resolveUid(uid);
    if (real === undefined) throw new VoileError('NOT_FOUND', 'Not found');
    return real;
  }

  async function realPath(runtime: PolicyRuntime, params: Record<string, string>): Promise<string> {
    let path = `studies/${await realUid(runtime, params.study!)}`;
    if (params.series !== undefined) path += `/series/${await realUid(runtime, params.series)}`;
    if (params.instance !== undefined) path += `/instances/${await realUid(runtime, params.instance)}`;
    return path;
  }

  // ---- QIDO-RS ---------------------------------------------------------------------------------

  async function qido(request: FastifyRequest, reply: FastifyReply, level: Level, scope: string) {
    noteDicomwebAudit(request, 'dicomweb-search');
    acceptJson(request);
    const runtime = runtimeOf(request);
    const identity = runtime.policy.identity;
    const translated = await translateQuery(
      parseQuery(rawQuery(request), 'The query string'),
      {
        identity,
        retainUids: runtime.retainUids,
        keys: runtime.queryKeys,
        maxLimit: opts.maxLimit ?? 1000,
        patientOf: (pseudonym) => patientOf(runtime.policy, pseudonym),
      },
      REQUIRED_FIELDS[level],
    );
    const results = translated.matchesNothing ? [] : await timedUpstream(request, () => upstream.json(scope, translated.params));
    const base = baseOf();
    const out: DicomJsonDataset[] = [];
    for (const dataset of results) {
      if (level === 'instance' && runtime.deidentifier.withheld(dataset)) continue;
      const deidentified = await runtime.deidentifier.json(dataset, { markDeidentified: false });
      // The PACS matched PatientID (and issuer when known); only the patient asked for is kept.
      if (translated.patientPseudonym !== undefined && deidentified['00100020']?.Value?.[0] !== translated.patientPseudonym) continue;
      deidentified['00081190'] = { vr: 'UR', Value: [retrieveUrl(base, level, deidentified)] };
      out.push(deidentified);
    }
    await identity.flush();
    noteDicomwebAudit(request, 'dicomweb-search', studiesOf(out));
    return reply.header('content-type', 'application/dicom+json').header('cache-control', 'no-store').send(JSON.stringify(out));
  }

  app.get('/studies', (req, reply) => qido(req, reply, 'study', 'studies'));
  app.get('/series', (req, reply) => qido(req, reply, 'series', 'series'));
  app.get('/instances', (req, reply) => qido(req, reply, 'instance', 'instances'));
  app.get<{ Params: { study: string } }>('/studies/:study/series', async (req, reply) =>
    qido(req, reply, 'series', `${await realPath(runtimeOf(req), req.params)}/series`),
  );
  app.get<{ Params: { study: string } }>('/studies/:study/instances', async (req, reply) =>
    qido(req, reply, 'instance', `${await realPath(runtimeOf(req), req.params)}/instances`),
  );
  app.get<{ Params: { study: string; series: string } }>('/studies/:study/series/:series/instances', async (req, reply) =>
    qido(req, reply, 'instance', `${await realPath(runtimeOf(req), req.params)}/instances`),
  );

  // ---- WADO-RS metadata -------------------------------------------------------------------------

  async function metadata(request: FastifyRequest<{ Params: Record<string, string> }>, reply: FastifyReply) {
    noteDicomwebAudit(request, 'dicomweb-retrieve');
    acceptJson(request);
    const runtime = runtimeOf(request);
    const metadataPath = `${await realPath(runtime, request.params)}/metadata`;
    const results = await timedUpstream(request, () => upstream.json(metadataPath));
    const base = baseOf();
    const out: DicomJsonDataset[] = [];
    for (const dataset of results) {
      if (runtime.deidentifier.withheld(dataset)) continue;
      out.push(
        await runtime.deidentifier.json(dataset, {
          bulkDataUri: runtime.allowPixelData ? (uri) => rewriteBulkUri(uri, runtime, base) : undefined,
        }),
      );
    }
    if (out.length === 0 && results.length > 0) throw withheldError();
    await runtime.policy.identity.flush();
    noteDicomwebAudit(request, 'dicomweb-retrieve', studiesOf(out));
    return reply.header('content-type', 'application/dicom+json').header('cache-control', 'no-store').send(JSON.stringify(out));
  }

  app.get('/studies/:study/metadata', metadata);
  app.get('/studies/:study/series/:series/metadata', metadata);
  app.get('/studies/:study/series/:series/instances/:instance/metadata', metadata);

  // ---- WADO-RS instances ------------------------------------------------------------------------

  async function retrieve(request: FastifyRequest<{ Params: Record<string, string> }>, reply: FastifyReply) {
    noteDicomwebAudit(request, 'dicomweb-retrieve');
    const runtime = runtimeOf(request);
    const accept = dicomAccept(request.headers.accept);
    const path = await realPath(runtime, request.params);
    const source = await timedUpstream(request, () => upstream.multipart(path, accept));
    let withheldCount = 0;
    const studies = new Set<string>();
    async function* instances(): AsyncGenerator<OutgoingPart> {
      for await (const part of upstream.parts(source, { maxPartBytes: opts.maxInstanceBytes })) {
        let instance;
        try {
          instance = await runtime.deidentifier.part10(part.body);
        } catch (err) {
          if (isVoileError(err) && err.code === 'FORBIDDEN') {
            withheldCount++;
            continue;
          }
          if (isVoileError(err) && err.code === 'MALFORMED_DICOM') throw upstream.badResponse('part not DICOM');
          throw err;
        }
        // Every remapped UID in this part must be resolvable before the client can see it.
        await runtime.policy.identity.flush();
        if (instance.studyInstanceUid !== undefined) studies.add(instance.studyInstanceUid);
        noteDicomwebAudit(request, 'dicomweb-retrieve', studies);
        yield { contentType: `application/dicom; transfer-syntax=${instance.transferSyntaxUid}`, chunks: instance.chunks };
      }
    }
    await sendMultipart(request, reply, {
      parts: instances(),
      rootType: () => 'application/dicom',
      empty: () => (withheldCount > 0 ? withheldError() : new VoileError('NOT_FOUND', 'Not found')),
      abort: () => source.release(),
      onAborted: anonymizationFailed,
    });
  }

  app.get('/studies/:study', retrieve);
  app.get('/studies/:study/series/:series', retrieve);
  app.get('/studies/:study/series/:series/instances/:instance', retrieve);

  // ---- WADO-RS frames and pixel bulk data (policy: allowPixelData) -------------------------------

  async function pixels(request: FastifyRequest<{ Params: Record<string, string> }>, reply: FastifyReply, suffix: string) {
    noteDicomwebAudit(request, 'dicomweb-retrieve');
    const runtime = runtimeOf(request);
    if (!runtime.allowPixelData) throw new VoileError('FORBIDDEN', 'Pixel data access is not allowed by the policy');
    const path = await realPath(runtime, request.params);
    // Frames skip the header de-identifier, so the burned-in rule is checked on the instance first.
    const [meta] = await timedUpstream(request, () => upstream.json(`${path}/metadata`));
    if (meta === undefined || runtime.deidentifier.withheld(meta)) throw withheldError();
    const accept = request.headers.accept && /^multipart\/related/i.test(request.headers.accept) ? request.headers.accept : 'multipart/related; type="application/octet-stream"';
    if (/[\r\n]/.test(accept) || accept.length > 256) throw new VoileError('NOT_ACCEPTABLE', 'The requested representation is not available');
    const source = await timedUpstream(request, () => upstream.multipart(`${path}/${suffix}`, accept));
    // The path names one study (its remapped UID): that is what these pixels belong to.
    const released = new Set([request.params.study!]);
    async function* frames(): AsyncGenerator<OutgoingPart> {
      for await (const part of upstream.parts(source)) {
        const type = part.headers['content-type'] ?? 'application/octet-stream';
        const safeType = /^[a-z]+\/[a-z0-9.+-]+(\s*;\s*transfer-syntax=[0-9.]{1,64})?$/i.test(type) ? type : 'application/octet-stream';
        noteDicomwebAudit(request, 'dicomweb-retrieve', released);
        yield { contentType: safeType, chunks: [part.body] };
      }
    }
    await sendMultipart(request, reply, {
      parts: frames(),
      rootType: (first) => first.contentType.split(';')[0]!,
      empty: () => new VoileError('NOT_FOUND', 'Not found'),
      abort: () => source.release(),
      onAborted: anonymizationFailed,
    });
  }

  app.get<{ Params: Record<string, string> & { frames: string } }>('/studies/:study/series/:series/instances/:instance/frames/:frames', (req, reply) => {
    if (!/^\d{1,6}(,\d{1,6}){0,999}$/.test(req.params.frames)) throw new VoileError('BAD_REQUEST', 'The frame list is malformed');
    return pixels(req, reply, `frames/${req.params.frames}`);
  });
  app.get<{ Params: Record<string, string> & { tag: string } }>('/studies/:study/series/:series/instances/:instance/bulk/:tag', (req, reply) => {
    if (!PIXEL_BULK.test(req.params.tag)) throw new VoileError('FORBIDDEN', 'Only pixel data is available as bulk data');
    return pixels(req, reply, `bulk/${req.params.tag.toLowerCase()}`);
  });

  // ---- refused ----------------------------------------------------------------------------------

  const refuse = async () => {
    throw new VoileError('METHOD_NOT_ALLOWED', 'The imaging gateway is read-only: STOW-RS, UPS-RS and deletion are not available');
  };
  // Before any body is parsed: a STOW-RS upload is refused whatever its content type.
  app.addHook('onRequest', async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') await refuse();
  });
  app.route({ method: ['POST', 'PUT', 'PATCH', 'DELETE'], url: '/*', handler: refuse });
  app.get('/workitems', refuse);
  app.get('/workitems/*', refuse);
  app.get('/studies/:study/rendered', renderedRefused);
  app.get('/studies/:study/series/:series/rendered', renderedRefused);
  app.get('/studies/:study/series/:series/instances/:instance/rendered', renderedRefused);
  app.get('/studies/:study/series/:series/instances/:instance/thumbnail', renderedRefused);
};

async function renderedRefused(): Promise<never> {
  throw new VoileError('NOT_IMPLEMENTED', 'Rendered images are not available: pixels are not de-identified');
}

/**
 * The DICOM patient behind a pseudonym, by the identity layer's own keys: a DICOM-only key carries
 * its issuer and PatientID (`dicom:<issuer>:<id>`, src/anonymize/dicom/patient-key.ts); a linked FHIR
 * id is the PatientID itself under `PatientID-is-FHIR-id`, with the policy's issuer when it names one.
 * Otherwise (a study key, `PatientID-is-FHIR-identifier`) unknown: the query matches nothing.
 */
async function patientOf(policy: ResolvedPolicy, pseudonym: string): Promise<QueryPatient | undefined> {
  const key = await policy.identity.resolveId('Patient', pseudonym);
  if (key === undefined || key.startsWith('dicom-study:')) return undefined;
  if (key.startsWith('dicom:')) return parseDicomPatientKey(key);
  const linkage = policy.policy.dicom?.patientLinkage;
  if (linkage?.map !== 'PatientID-is-FHIR-id') return undefined;
  return { patientId: key, ...(linkage.issuer === undefined ? {} : { issuer: linkage.issuer }) };
}

function retrieveUrl(base: string, level: Level, ds: DicomJsonDataset): string {
  const uid = (tag: string) => {
    const v = ds[tag]?.Value?.[0];
    if (typeof v !== 'string' || !/^[0-9.]{1,64}$/.test(v)) throw new VoileError('ANONYMIZATION_FAILED', 'The response could not be anonymized', { detail: 'result without UID' });
    return v;
  };
  let url = `${base}/studies/${uid('0020000D')}`;
  if (level !== 'study') url += `/series/${uid('0020000E')}`;
  if (level === 'instance') url += `/instances/${uid('00080018')}`;
  return url;
}

/** A pixel BulkDataURI pointing at the upstream becomes the gateway's, with remapped UIDs; others are dropped. */
function rewriteBulkUri(uri: string, runtime: PolicyRuntime, base: string): string | undefined {
  const m = /\/studies\/([0-9.]{1,64})\/series\/([0-9.]{1,64})\/instances\/([0-9.]{1,64})\/(bulk\/(7fe00010|7fe00008|7fe00009)|frames\/[\d,]{1,64})$/i.exec(uri);
  if (!m) return undefined;
  const remap = (uid: string) => (runtime.retainUids || isWellKnownUid(uid) ? uid : runtime.policy.identity.remapUid(uid));
  return `${base}/studies/${remap(m[1]!)}/series/${remap(m[2]!)}/instances/${remap(m[3]!)}/${m[4]!.toLowerCase()}`;
}

function acceptJson(request: FastifyRequest): void {
  const accept = request.headers.accept;
  if (!accept) return;
  if (!/(^|,)\s*(application\/dicom\+json|application\/json|application\/\*|\*\/\*)\s*(;|,|$)/i.test(accept)) {
    throw new VoileError('NOT_ACCEPTABLE', 'Only application/dicom+json is available here');
  }
}

/** The multipart/related application/dicom media type to ask upstream for (transfer syntax passed through). */
function dicomAccept(accept: string | undefined): string {
  if (!accept || /^\s*\*\/\*\s*$/.test(accept)) return 'multipart/related; type="application/dicom"; transfer-syntax=*';
  for (const candidate of accept.split(',')) {
    const value = candidate.trim().replace(/\s*;\s*q=[0-9.]+\s*$/, '');
    if (DICOM_MULTIPART.test(value)) return value;
    if (/^\*\/\*$/.test(value)) return 'multipart/related; type="application/dicom"; transfer-syntax=*';
  }
  throw new VoileError('NOT_ACCEPTABLE', 'Instances are available as multipart/related; type="application/dicom" only');
}

/** Distinct (remapped) StudyInstanceUIDs of de-identified results, for the audit count. */
function studiesOf(datasets: readonly DicomJsonDataset[]): Set<string> {
  const studies = new Set<string>();
  for (const ds of datasets) {
    const uid = ds['0020000D']?.Value?.[0];
    if (typeof uid === 'string') studies.add(uid);
  }
  return studies;
}
