/**
 * A small Prometheus text-format registry (counters and one latency histogram). Label values are
 * Voile-defined (route patterns, status codes, kinds) — never URLs, ids or anything from a request.
 */
type Labels = Readonly<Record<string, string>>;

const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

export class GatewayMetrics {
  readonly #counters = new Map<string, { help: string; values: Map<string, number> }>();
  readonly #histogram = new Map<string, { counts: number[]; sum: number; count: number }>();
  // method → route pattern → status → label texts. Bounded: methods, route patterns and statuses are finite.
  readonly #requestKeys = new Map<string, Map<string, Map<number, { counter: string; histogram: string }>>>();

  constructor() {
    this.#defineCounter('voile_http_requests_total', 'HTTP requests by method, route pattern and status');
    this.#defineCounter('voile_anonymization_failures_total', 'Responses refused because anonymization failed');
    this.#defineCounter('voile_upstream_errors_total', 'Upstream failures by upstream and kind');
  }

  observeRequest(method: string, route: string, status: number, seconds: number): void {
    // Label texts are built once per (method, route, status), not per request.
    let keys = this.#requestKeys.get(method)?.get(route)?.get(status);
    if (!keys) {
      keys = { counter: labelText({ method, route, status: String(status) }), histogram: labelText({ method, route }) };
      let byRoute = this.#requestKeys.get(method);
      if (!byRoute) this.#requestKeys.set(method, (byRoute = new Map()));
      let byStatus = byRoute.get(route);
      if (!byStatus) byRoute.set(route, (byStatus = new Map()));
      byStatus.set(status, keys);
    }
    this.#incKey('voile_http_requests_total', keys.counter);
    let h = this.#histogram.get(keys.histogram);
    if (!h) {
      h = { counts: LATENCY_BUCKETS.map(() => 0), sum: 0, count: 0 };
      this.#histogram.set(keys.histogram, h);
    }
    for (let i = 0; i < LATENCY_BUCKETS.length; i++) if (seconds <= LATENCY_BUCKETS[i]!) h.counts[i]! += 1;
    h.sum += seconds;
    h.count += 1;
  }

  anonymizationFailed(transport: 'fhir' | 'dicomweb' | 'bulk'): void {
    this.#inc('voile_anonymization_failures_total', { transport });
  }

  upstreamError(upstream: string, kind: string): void {
    this.#inc('voile_upstream_errors_total', { upstream, kind });
  }

  render(): string {
    const lines: string[] = [];
    for (const [name, { help, values }] of this.#counters) {
      lines.push(`# HELP ${name} ${help}`, `# TYPE ${name} counter`);
      for (const [labels, value] of values) lines.push(`${name}${labels} ${value}`);
    }
    const name = 'voile_http_request_duration_seconds';
    lines.push(`# HELP ${name} Request latency by method and route pattern`, `# TYPE ${name} histogram`);
    for (const [labels, h] of this.#histogram) {
      const inner = labels.slice(1, -1);
      LATENCY_BUCKETS.forEach((le, i) => lines.push(`${name}_bucket{${inner},le="${le}"} ${h.counts[i]}`));
      lines.push(`${name}_bucket{${inner},le="+Inf"} ${h.count}`, `${name}_sum${labels} ${h.sum}`, `${name}_count${labels} ${h.count}`);
    }
    return `${lines.join('\n')}\n`;
  }

  #defineCounter(name: string, help: string): void {
    this.#counters.set(name, { help, values: new Map() });
  }

  #inc(name: string, labels: Labels): void {
    this.#incKey(name, labelText(labels));
  }

  #incKey(name: string, key: string): void {
    const counter = this.#counters.get(name)!;
    counter.values.set(key, (counter.values.get(key) ?? 0) + 1);
  }
}

function labelText(labels: Labels): string {
  const parts = Object.entries(labels).map(([k, v]) => `${k}="${v.replace(/[\\"\n]/g, '_')}"`);
  return `{${parts.join(',')}}`;
}
