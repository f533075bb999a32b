import { getSearchParameter, matchesSearchRequest, Operator, type Filter, type SearchRequest } from '@medplum/core';
import { MemoryRepository } from '@medplum/fhir-router';
import type { Bundle, Resource } from '@medplum/fhirtypes';
import type { WithId } from '@medplum/core';
import { evaluate, referencesOf } from './references.js';

/**
 * MemoryRepository with a search fit for a benchmark upstream. The stock `search` deep-copies every
 * match before paging and evaluates FHIRPath on every resource of the type for each filter, which
 * makes a 50-entry page of a 2,000-resource type cost hundreds of milliseconds. Here the data is
 * loaded once and never changes, so:
 *  - each type keeps its resources in loading order and only the returned page is copied;
 *  - `param=Type/id` reference filters are answered from an index built on first use per parameter;
 *  - every other filter still goes through @medplum/core's `matchesSearchRequest`, and the list of
 *    matches of a given filter set and sort is kept (a real server's index), so that paging through
 *    a search, or repeating it, does not filter the whole type again.
 * Writes after loading are refused, since they would make the indexes and kept lists stale.
 */
const MAX_KEPT_SEARCHES = 1000;

export class IndexedMemoryRepository extends MemoryRepository {
  readonly #byType = new Map<string, Resource[]>();
  readonly #referenceIndexes = new Map<string, Map<string, Set<Resource>>>();
  readonly #matchLists = new Map<string, Resource[]>();
  #sealed = false;

  override async createResource<T extends Resource>(resource: T): Promise<WithId<T>> {
    if (this.#sealed) throw new Error('demo repository is read-only');
    const stored = await super.createResource(resource);
    const list = this.#byType.get(stored.resourceType) ?? [];
    list.push(structuredClone(stored));
    this.#byType.set(stored.resourceType, list);
    return stored;
  }

  /** Ends loading: from now on the repository only answers reads and searches. */
  seal(): void {
    this.#sealed = true;
  }

  override updateResource<T extends Resource>(): Promise<WithId<T>> {
    return Promise.reject(new Error('demo repository is read-only'));
  }

  override deleteResource(): Promise<void> {
    return Promise.reject(new Error('demo repository is read-only'));
  }

  override async search<T extends Resource>(request: SearchRequest<T>): Promise<Bundle<WithId<T>>> {
    const key = JSON.stringify([request.resourceType, request.filters ?? [], request.sortRules ?? []]);
    let candidates = this.#matchLists.get(key);
    if (!candidates) {
      candidates = this.#matches(request);
      if (this.#matchLists.size >= MAX_KEPT_SEARCHES) this.#matchLists.clear();
      this.#matchLists.set(key, candidates);
    }
    const offset = request.offset ?? 0;
    const page = request.count === undefined ? candidates.slice(offset) : candidates.slice(offset, offset + request.count);
    return {
      resourceType: 'Bundle',
      type: 'searchset',
      total: candidates.length,
      ...(page.length > 0 ? { entry: page.map((r) => ({ resource: structuredClone(r) as WithId<T> })) } : {}),
    };
  }

  #matches(request: SearchRequest): Resource[] {
    let candidates: Resource[] = this.#byType.get(request.resourceType) ?? [];
    const rest: Filter[] = [];
    for (const filter of request.filters ?? []) {
      const indexed = this.#fromIndex(request.resourceType, filter);
      if (indexed) candidates = candidates.filter((r) => indexed.has(r));
      else rest.push(filter);
    }
    if (rest.length > 0) {
      const residual: SearchRequest = { resourceType: request.resourceType, filters: rest };
      candidates = candidates.filter((r) => matchesSearchRequest(r, residual));
    }
    if (request.sortRules?.length) {
      candidates = [...candidates];
      for (const rule of request.sortRules) {
        const expression = getSearchParameter(request.resourceType, rule.code)?.expression;
        if (!expression) continue;
        const key = (r: Resource) => JSON.stringify(evaluate(expression, r));
        candidates.sort((a, b) => key(a).localeCompare(key(b)) * (rule.descending ? -1 : 1));
      }
    }
    return candidates;
  }

  /** The resources a plain `param=Type/id[,Type/id…]` filter selects, or undefined if not such a filter. */
  #fromIndex(resourceType: string, filter: Filter): Set<Resource> | undefined {
    if (filter.operator !== Operator.EQUALS || filter.code.includes(':') || filter.code.includes('.')) return undefined;
    if (getSearchParameter(resourceType, filter.code)?.type !== 'reference') return undefined;
    const wanted = filter.value.split(',');
    if (!wanted.every((v) => /^[A-Z][A-Za-z]+\/[A-Za-z0-9\-.]{1,64}$/.test(v))) return undefined;
    const index = this.#referenceIndex(resourceType, filter.code);
    const out = new Set<Resource>();
    for (const ref of wanted) for (const r of index.get(ref) ?? []) out.add(r);
    return out;
  }

  #referenceIndex(resourceType: string, code: string): Map<string, Set<Resource>> {
    const key = `${resourceType}?${code}`;
    let index = this.#referenceIndexes.get(key);
    if (!index) {
      index = new Map();
      for (const resource of this.#byType.get(resourceType) ?? []) {
        for (const ref of referencesOf(resource, resourceType, code)) {
          const set = index.get(ref) ?? new Set();
          set.add(resource);
          index.set(ref, set);
        }
      }
      this.#referenceIndexes.set(key, index);
    }
    return index;
  }
}
