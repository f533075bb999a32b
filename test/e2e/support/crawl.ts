import type { Bundle, Resource } from '@medplum/fhirtypes';

/** One HTTP exchange with the gateway, kept byte for byte for the leak scan. */
export interface Exchange {
  readonly label: string;
  readonly status: number;
  readonly body: string;
}

export interface Crawl {
  readonly exchanges: Exchange[];
  /** Every resource returned as a search match or a read, by `Type/id` (last copy wins). */
  readonly resources: Map<string, Resource>;
}

export function newCrawl(): Crawl {
  return { exchanges: [], resources: new Map() };
}

/** GET (or POST a form) and keep the raw body. */
export async function exchange(crawl: Crawl, label: string, url: string, form?: string): Promise<Exchange> {
  const res = await fetch(url, form === undefined
    ? { headers: { accept: 'application/fhir+json' } }
    : { method: 'POST', headers: { accept: 'application/fhir+json', 'content-type': 'application/x-www-form-urlencoded' }, body: form });
  const result = { label, status: res.status, body: await res.text() };
  crawl.exchanges.push(result);
  return result;
}

/**
 * Follows a search through every page; returns the pages' bundles. `record: false` keeps only the
 * exchanges (for subsetted answers, which must not stand in for the full resources).
 */
export async function crawlSearch(crawl: Crawl, label: string, firstUrl: string, form?: string, record = true): Promise<Bundle[]> {
  const bundles: Bundle[] = [];
  let url: string | undefined = firstUrl;
  let body = form;
  for (let page = 0; url !== undefined; page++) {
    if (page > 500) throw new Error(`${label}: more than 500 pages`);
    const { status, body: text } = await exchange(crawl, `${label} page ${page}`, url, body);
    body = undefined;
    if (status !== 200) throw new Error(`${label} page ${page}: HTTP ${status}`);
    const bundle = JSON.parse(text) as Bundle;
    bundles.push(bundle);
    for (const entry of record ? bundle.entry ?? [] : []) {
      if (entry.resource && entry.search?.mode !== 'outcome') crawl.resources.set(`${entry.resource.resourceType}/${entry.resource.id}`, entry.resource);
    }
    url = bundle.link?.find((l) => l.relation === 'next')?.url;
  }
  return bundles;
}

/** Every relative `Type/id` reference in a resource. */
export function referencesIn(resource: unknown): string[] {
  const out: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node !== null && typeof node === 'object') {
      for (const [key, value] of Object.entries(node)) {
        if (key === 'reference' && typeof value === 'string') out.push(value);
        else walk(value);
      }
    }
  };
  walk(resource);
  return out;
}
