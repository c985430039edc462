/**
 * Deploys every function to CloudBase safely and repeatably (docs/deploy.md):
 * - the data key is required and must be the key already in use (fingerprints, dataKey.ts);
 *   a wrong or missing key stops the deploy before anything changes;
 * - a missing function is created; an existing one gets its code and configuration updated
 *   (never deleted and re-created, which would drop its variables and triggers);
 * - environment variables are merged into what is online: @cloudbase/manager-node sends the
 *   whole `Environment` on create and update ("Environment 为覆盖式修改，不保留已有字段",
 *   configToParams / updateFunctionConfig in lib/function/index.js), so the online variables
 *   are read first (getFunctionDetail → GetFunction's Environment.Variables) and sent back;
 * - the one timer trigger is compared with what is online and only a difference is deleted or
 *   created: updateFunctionConfig re-creates every trigger it is given, and createFunction with
 *   `force` calls it, so neither is given triggers here;
 * - a failing function is recorded and the next one deployed; the summary lists them all.
 *
 * It talks to CloudBase only through `FunctionsApi`, the part of the manager SDK's
 * FunctionService it uses, so a test can stand in for the Tencent Cloud API there (the SDK's
 * SCF endpoint is fixed to https://scf.tencentcloudapi.com in lib/utils/cloud-api-request.js).
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FunctionService } from '@cloudbase/manager-node/types/function';
import type { IFunctionInfo } from '@cloudbase/manager-node/types/function/types';
import { DATA_KEY_FINGERPRINT_VARIABLE, dataKeyFingerprint, onlineFingerprint, parseDataKey } from './dataKey';
import type { FunctionDeployment, TimerTriggerDeclaration } from './plan';

export type FunctionsApi = Pick<
  FunctionService,
  | 'getFunctionDetail'
  | 'createFunction'
  | 'updateFunctionCode'
  | 'updateFunctionConfig'
  | 'createFunctionTriggers'
  | 'deleteFunctionTrigger'
  | 'deleteFunction'
  | 'waitFunctionActive'
>;

export interface DeployOptions {
  api: FunctionsApi;
  functions: FunctionDeployment[];
  /** The folder holding one folder per function (uploaded minus `ignore`). */
  functionRootPath: string;
  /**
   * Re-create a function whose online runtime is not the declared one: SCF changes a runtime
   * only on CreateFunction (UpdateFunctionConfiguration has no Runtime, see the SDK's
   * updateFunctionConfig), so this deletes and re-creates it, with its merged variables and
   * trigger. The function is unavailable meanwhile, hence opt-in.
   */
  recreateOutdatedRuntime?: boolean;
}

export type Outcome = 'created' | 'updated' | 'recreated' | 'failed' | 'skipped';

export interface FunctionResult {
  name: string;
  /** SHA-256 (first 12 hex) of what is uploaded: index.js, package.json, config.json. */
  codeHash: string;
  /** The trigger and what happened to it, e.g. `everyMinute (unchanged)`. */
  triggers: string;
  outcome: Outcome;
  /** The error for a failure; a warning (e.g. an outdated runtime online) otherwise. */
  detail?: string;
}

export interface DeployReport {
  /** Set when the deploy was refused before changing anything. */
  refused?: string;
  results: FunctionResult[];
  ok: boolean;
}

type Online = { exists: false } | { exists: true; detail: IFunctionInfo; vars: Record<string, string>; timers: TimerTriggerDeclaration[] } | { exists: 'unknown'; error: string };

/** SCF's answer when the function does not exist (GetFunction error codes). */
function isNotFound(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('ResourceNotFound');
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * A timer trigger as GetFunction lists it. BatchCreateTrigger takes the cron as TriggerDesc
 * (createFunctionTriggers); GetFunction answers it as JSON `{"cron": …}` — both are read.
 */
function onlineTimers(detail: IFunctionInfo): TimerTriggerDeclaration[] {
  return (detail.Triggers ?? [])
    .filter((t) => (t.Type ?? '').toLowerCase() === 'timer')
    .map((t) => {
      const desc = t.TriggerDesc ?? t.Config ?? '';
      let cron = desc;
      if (desc.trim().startsWith('{')) {
        try {
          cron = String((JSON.parse(desc) as { cron?: unknown }).cron ?? desc);
        } catch {
          cron = desc;
        }
      }
      return { name: t.TriggerName ?? t.Name, type: 'timer' as const, config: cron.trim() };
    });
}

async function readOnline(api: FunctionsApi, name: string): Promise<Online> {
  try {
    const detail = await api.getFunctionDetail(name);
    const vars: Record<string, string> = {};
    for (const v of detail.Environment?.Variables ?? []) vars[v.Key] = v.Value;
    return { exists: true, detail, vars, timers: onlineTimers(detail) };
  } catch (error) {
    if (isNotFound(error)) return { exists: false };
    return { exists: 'unknown', error: message(error) };
  }
}

export function codeHash(functionRootPath: string, name: string): string {
  const hash = createHash('sha256');
  for (const file of ['index.js', 'package.json', 'config.json']) {
    const path = join(functionRootPath, name, file);
    hash.update(`${file}\0`);
    if (existsSync(path)) hash.update(readFileSync(path));
  }
  return hash.digest('hex').slice(0, 12);
}

/** Deletes and creates only the difference between the declared and the online trigger. */
async function syncTriggers(api: FunctionsApi, func: FunctionDeployment, online: TimerTriggerDeclaration[]): Promise<string> {
  const same = (a: TimerTriggerDeclaration, b: TimerTriggerDeclaration) => a.name === b.name && a.config === b.config;
  const stale = online.filter((o) => !func.triggers.some((d) => same(d, o)));
  const missing = func.triggers.filter((d) => !online.some((o) => same(d, o)));
  // Delete first: with one timer per function, a new one is refused while the old one stands.
  for (const trigger of stale) await api.deleteFunctionTrigger(func.name, trigger.name);
  if (missing.length > 0) await api.createFunctionTriggers(func.name, missing);
  const described = func.triggers.map((d) => {
    const replaced = stale.some((s) => s.name === d.name);
    const state = missing.includes(d) ? (replaced ? 'changed' : 'created') : 'unchanged';
    return `${d.name} ${d.config} (${state})`;
  });
  for (const s of stale) if (!func.triggers.some((d) => d.name === s.name)) described.push(`${s.name} (deleted)`);
  return described.join('; ') || '—';
}

async function create(api: FunctionsApi, func: FunctionDeployment, functionRootPath: string, envVariables: Record<string, string>): Promise<void> {
  await api.createFunction({
    // No `triggers` here: they are created below, the same way on every path.
    func: {
      name: func.name,
      runtime: func.runtime,
      handler: func.handler,
      timeout: func.timeout,
      memorySize: func.memorySize,
      installDependency: func.installDependency,
      ignore: func.ignore,
      envVariables,
    },
    functionRootPath,
    force: false,
  });
}

async function deployOne(options: DeployOptions, func: FunctionDeployment, online: Online): Promise<Omit<FunctionResult, 'name' | 'codeHash'>> {
  const { api, functionRootPath } = options;
  if (online.exists === 'unknown') throw new Error(`could not read it online: ${online.error}`);
  if (!online.exists) {
    await create(api, func, functionRootPath, func.envVariables);
    return { outcome: 'created', triggers: await syncTriggers(api, func, []) };
  }
  // Merged: what is online stays unless this deploy sets the same name.
  const envVariables = { ...online.vars, ...func.envVariables };
  const outdated = online.detail.Runtime && online.detail.Runtime !== func.runtime ? online.detail.Runtime : undefined;
  if (outdated && options.recreateOutdatedRuntime) {
    await api.deleteFunction(func.name);
    await create(api, func, functionRootPath, envVariables);
    return { outcome: 'recreated', triggers: await syncTriggers(api, func, []), detail: `runtime ${outdated} → ${func.runtime}` };
  }
  await api.updateFunctionCode({
    func: { name: func.name, runtime: func.runtime, handler: func.handler, installDependency: func.installDependency, ignore: func.ignore },
    functionRootPath,
  });
  // Configuration cannot change while the code update (and the dependency install) runs.
  await api.waitFunctionActive(func.name);
  await api.updateFunctionConfig({
    name: func.name,
    timeout: func.timeout,
    memorySize: func.memorySize,
    installDependency: func.installDependency,
    envVariables,
  });
  await api.waitFunctionActive(func.name);
  const triggers = await syncTriggers(api, func, online.timers);
  return {
    outcome: 'updated',
    triggers,
    ...(outdated ? { detail: `runtime ${outdated} online, ${func.runtime} declared: re-deploy with --recreate-outdated-runtime (docs/deploy.md)` } : {}),
  };
}

/** Checks the key, then deploys each function; never throws for one function's failure. */
export async function deployFunctions(options: DeployOptions): Promise<DeployReport> {
  const { api, functions } = options;
  // 1. The key: every function carries it, and it is the one online.
  let fingerprint: string;
  try {
    const keys = new Set(functions.map((f) => f.envVariables.LINLI_DATA_KEY));
    if (keys.size !== 1) throw new Error('every function must be deployed with the same LINLI_DATA_KEY');
    const [key] = [...keys];
    parseDataKey(key);
    fingerprint = dataKeyFingerprint(key!);
    if (functions.some((f) => f.envVariables[DATA_KEY_FINGERPRINT_VARIABLE] !== fingerprint)) throw new Error('the planned key fingerprint does not match the key');
  } catch (error) {
    return { refused: message(error), results: [], ok: false };
  }
  const online = new Map<string, Online>();
  for (const func of functions) online.set(func.name, await readOnline(api, func.name));
  const holders = [...online.entries()].filter(([, o]) => o.exists === true && onlineFingerprint(o.vars) !== undefined);
  const others = holders.filter(([, o]) => o.exists === true && onlineFingerprint(o.vars) !== fingerprint).map(([name]) => name);
  if (others.length > 0) {
    return {
      refused:
        `LINLI_DATA_KEY is not the key in use online (fingerprint differs on ${others.join(', ')}): ` +
        'data sealed with the online key could no longer be read. Deploy with the key already in use.',
      results: [],
      ok: false,
    };
  }

  // 2. Each function on its own: one failing does not stop the others.
  const results: FunctionResult[] = [];
  for (const func of functions) {
    const hash = codeHash(options.functionRootPath, func.name);
    try {
      const done = await deployOne(options, func, online.get(func.name)!);
      results.push({ name: func.name, codeHash: hash, ...done });
    } catch (error) {
      results.push({ name: func.name, codeHash: hash, triggers: func.triggers.map((t) => t.name).join(', ') || '—', outcome: 'failed', detail: message(error) });
    }
  }
  return { results, ok: results.every((r) => r.outcome !== 'failed') };
}

/** The summary printed after a deploy: one row per function. */
export function summaryTable(report: DeployReport): string {
  if (report.refused) return `deploy refused, nothing changed: ${report.refused}`;
  const rows = [['function', 'code hash', 'trigger', 'result'], ...report.results.map((r) => [r.name, r.codeHash, r.triggers, r.detail ? `${r.outcome}: ${r.detail}` : r.outcome])];
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((row) => row[i]!.length)));
  const line = (row: string[]) => `| ${row.map((cell, i) => cell.padEnd(widths[i]!)).join(' | ')} |`;
  const failed = report.results.filter((r) => r.outcome === 'failed').length;
  return [
    line(rows[0]!),
    `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`,
    ...rows.slice(1).map(line),
    failed === 0 ? `${report.results.length} functions deployed` : `${failed} of ${report.results.length} functions FAILED`,
  ].join('\n');
}
