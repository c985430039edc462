/** Bench harness: timings, percentiles, and the markdown table written to docs/bench.md. */
import { performance } from 'node:perf_hooks';

export interface Row {
  group: string;
  scenario: string;
  median: number;
  p95: number;
  p99?: number;
  unit: string;
  baseline?: { name: string; median: number };
  note?: string;
}

/** Percentile of sorted-ascending numbers. */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)]!;
}

/** Runs `op` `iterations` times (after `warmup`) from `concurrency` callers; returns ms latencies sorted. */
export async function timeOp(op: (i: number) => Promise<unknown> | unknown, options: { iterations: number; concurrency?: number; warmup?: number }): Promise<number[]> {
  for (let i = 0; i < (options.warmup ?? 20); i += 1) await op(-1 - i);
  const latencies: number[] = [];
  let next = 0;
  const worker = async () => {
    for (;;) {
      const i = next;
      next += 1;
      if (i >= options.iterations) return;
      const start = performance.now();
      await op(i);
      latencies.push(performance.now() - start);
    }
  };
  await Promise.all(Array.from({ length: options.concurrency ?? 1 }, worker));
  return latencies.sort((a, b) => a - b);
}

export function summarise(group: string, scenario: string, sorted: number[], extra: Partial<Row> = {}): Row {
  return { group, scenario, median: percentile(sorted, 50), p95: percentile(sorted, 95), p99: percentile(sorted, 99), unit: 'ms', ...extra };
}

const fmt = (n: number | undefined) => (n === undefined || Number.isNaN(n) ? '—' : n >= 100 ? n.toFixed(0) : n >= 10 ? n.toFixed(1) : n.toFixed(2));

/** The markdown report. */
export function renderReport(rows: Row[], meta: string[]): string {
  const lines = ['# Linli benchmarks', '', 'Written by `npm run bench`. Numbers are from one run on the machine below; ratios compare against a baseline measured in the same run.', '', ...meta.map((m) => `- ${m}`), ''];
  for (const group of [...new Set(rows.map((r) => r.group))]) {
    lines.push(`## ${group}`, '', '| scenario | median | p95 | p99 | baseline (median) | ratio | note |', '| --- | ---: | ---: | ---: | --- | ---: | --- |');
    for (const r of rows.filter((row) => row.group === group)) {
      const baseline = r.baseline ? `${r.baseline.name}: ${fmt(r.baseline.median)} ${r.unit}` : '—';
      const ratio = r.baseline ? `${(r.median / r.baseline.median).toFixed(1)}×` : '—';
      lines.push(`| ${r.scenario} | ${fmt(r.median)} ${r.unit} | ${fmt(r.p95)} ${r.unit} | ${fmt(r.p99)} ${r.unit} | ${baseline} | ${ratio} | ${r.note ?? ''} |`);
    }
    lines.push('');
  }
  return lines.join('\n');
}

/**
 * Replaces the sections of `rows`' groups in an existing report (a partial run), keeping the
 * others, and notes which sections that run measured.
 */
export function mergeReport(existing: string, rows: Row[], meta: string[]): string {
  const fresh = renderReport(rows, []);
  const sectionsOf = (text: string) => text.split(/\n(?=## )/);
  const [head = '', ...old] = sectionsOf(existing.trimEnd());
  const [, ...replacing] = sectionsOf(fresh.trimEnd());
  const titleOf = (section: string) => section.split('\n', 1)[0]!;
  const byTitle = new Map(replacing.map((section) => [titleOf(section), section.trimEnd()]));
  const merged = old.map((section) => {
    const next = byTitle.get(titleOf(section));
    byTitle.delete(titleOf(section));
    return next ?? section.trimEnd();
  });
  merged.push(...byTitle.values());
  // The note names every section measured by partial runs since the last full one.
  const earlier = head.split('\n').find((line) => line.startsWith('- partial run')) ?? '';
  const earlierGroups = [...earlier.matchAll(/“([^”]+)”/g)].map((m) => m[1]!);
  const groups = [...new Set([...earlierGroups, ...rows.map((r) => r.group)])].map((g) => `“${g}”`).join(', ');
  const headLines = head.trimEnd().split('\n').filter((line) => !line.startsWith('- partial run'));
  const note = `- partial runs (latest: ${meta.join('; ')}): ${groups}`;
  return [[...headLines, note].join('\n'), ...merged].join('\n\n');
}

/** Database requests the local cloud's emulator has answered so far (its /api/health). */
export async function databaseRequests(url: string): Promise<number> {
  const health = (await (await fetch(`${url}/api/health`)).json()) as { database: { requestsAnswered: number } };
  return health.database.requestsAnswered;
}

type Usage = { calls: number; requests: number; trips: number; byTrips: Record<string, number> };

/** What the functions' calls asked of the cloud so far, per function (CloudBase's model only). */
export async function functionUsage(url: string): Promise<Map<string, Usage>> {
  const health = (await (await fetch(`${url}/api/health`)).json()) as {
    functions?: Array<{ fn: string; calls: number; cloudRequests: number; cloudTrips: number; callsByTrips?: Record<string, number> }>;
  };
  return new Map((health.functions ?? []).map((pool) => [pool.fn, { calls: pool.calls, requests: pool.cloudRequests, trips: pool.cloudTrips, byTrips: pool.callsByTrips ?? {} }]));
}

/** Requests (cost) and sequential round trips (latency) per call; trips null in the shared mode. */
export interface PerCall {
  requests: number;
  trips: number | null;
  /** Share of the calls that took at most 2 sequential round trips, and the most any call took. */
  spread?: { atMostTwo: number; most: number };
}

/**
 * Cloud use per call of `fn` between two `functionUsage` readings, with the emulator's count of
 * database requests as the fallback in the shared mode (where calls of one instance interleave,
 * so their round trips cannot be told apart).
 */
export function perCallOf(fn: string, before: Map<string, Usage>, after: Map<string, Usage>, databaseRequestsPerCall: number): PerCall {
  const a = after.get(fn);
  if (!a) return { requests: databaseRequestsPerCall, trips: null };
  const b = before.get(fn) ?? { calls: 0, requests: 0, trips: 0, byTrips: {} };
  const calls = a.calls - b.calls;
  if (calls <= 0) return { requests: databaseRequestsPerCall, trips: null };
  const spread = Object.entries(a.byTrips)
    .map(([trips, n]) => ({ trips: Number(trips), n: n - (b.byTrips[trips] ?? 0) }))
    .filter(({ n }) => n > 0);
  const atMostTwo = spread.filter(({ trips }) => trips <= 2).reduce((sum, { n }) => sum + n, 0) / calls;
  return { requests: (a.requests - b.requests) / calls, trips: (a.trips - b.trips) / calls, spread: { atMostTwo, most: Math.max(0, ...spread.map(({ trips }) => trips)) } };
}

/** "N requests and M round trips per call" for a bench note. */
export function describePerCall({ requests, trips, spread }: PerCall): string {
  if (trips === null) return `${requests.toFixed(2)} database requests per call`;
  const share = spread ? ` (${(spread.atMostTwo * 100).toFixed(1)} % of calls ≤ 2, the longest ${spread.most})` : '';
  return `${requests.toFixed(2)} cloud requests and ${trips.toFixed(2)} sequential round trips per call${share}`;
}

/**
 * Requests and round trips per call of `op` on function `fn`, over `calls` calls made one after
 * another: the figures that predict cost and latency on CloudBase, where each round trip is a
 * network hop.
 */
export async function roundTripsPerCall(url: string, fn: string, calls: number, op: (i: number) => Promise<unknown>): Promise<PerCall> {
  const before = await databaseRequests(url);
  const usageBefore = await functionUsage(url);
  for (let i = 0; i < calls; i += 1) await op(i);
  const usageAfter = await functionUsage(url);
  return perCallOf(fn, usageBefore, usageAfter, ((await databaseRequests(url)) - before) / calls);
}

/** How the local cloud runs functions, for the notes of a bench row (its /api/health). */
export async function instanceModeOf(url: string): Promise<string> {
  const health = (await (await fetch(`${url}/api/health`)).json()) as { instanceMode?: string; instancesPerFunction?: number; functionInstances?: unknown[] };
  return health.instanceMode === 'cloudbase'
    ? `CloudBase's model: one request per instance, up to ${health.instancesPerFunction} instances per function`
    : `shared mode: many requests per instance, ${health.functionInstances?.length ?? 1} instances running every function`;
}
