/**
 * `npm run deploy:functions` against a stand-in for the Tencent Cloud API at the manager SDK's
 * boundary (the FunctionService methods the deploy calls). The stand-in keeps each function's
 * state the way SCF does — notably, a configuration update REPLACES all environment variables
 * (what the SDK sends, lib/function/index.js updateFunctionConfig) and a function takes one
 * timer trigger — so what survives below survives because the deploy merged it.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { IFunctionInfo } from '@cloudbase/manager-node/types/function/types';
import { projectRoot } from '../../cloudfunctions/_local/host/config';
import { deployableFunctions } from '../../cloudfunctions/_local/host/functionHost';
import { cloudbaseRcText } from '../../cloudfunctions/_local/deploy/cloudbaserc';
import { DATA_KEY_FINGERPRINT_VARIABLE, dataKeyFingerprint } from '../../cloudfunctions/_local/deploy/dataKey';
import { unpinnedDependencies } from '../../cloudfunctions/_local/deploy/dependencies';
import { deployFunctions, summaryTable, type FunctionsApi } from '../../cloudfunctions/_local/deploy/deployFunctions';
import { functionDeployments, functionsRoot, NODE_RUNTIME, readFunctionConfig } from '../../cloudfunctions/_local/deploy/plan';

interface OnlineFunction {
  runtime: string;
  timeout: number;
  memorySize: number;
  vars: Record<string, string>;
  triggers: Array<{ name: string; cron: string }>;
  codeUploads: number;
}

type Params<M extends keyof FunctionsApi> = Parameters<FunctionsApi[M]>;

function scfError(code: string, message: string): Error {
  return Object.assign(new Error(message), { code });
}

/** SCF as the deploy sees it through the SDK; every call is recorded. */
class FakeScf implements FunctionsApi {
  readonly functions = new Map<string, OnlineFunction>();
  readonly calls: string[] = [];
  /** Functions whose next create or code update fails (once). */
  readonly failNext = new Set<string>();

  private fn(name: string): OnlineFunction {
    const found = this.functions.get(name);
    if (!found) throw scfError('ResourceNotFound.Function', `function ${name} not found`);
    return found;
  }

  private failIfAsked(name: string): void {
    if (this.failNext.delete(name)) throw scfError('InternalError', `injected failure for ${name}`);
  }

  async getFunctionDetail(...[name]: Params<'getFunctionDetail'>): Promise<IFunctionInfo> {
    this.calls.push(`get ${name}`);
    const f = this.fn(name);
    return {
      FunctionName: name,
      Runtime: f.runtime,
      Timeout: f.timeout,
      MemorySize: f.memorySize,
      Status: 'Active',
      Environment: { Variables: Object.entries(f.vars).map(([Key, Value]) => ({ Key, Value })) },
      // GetFunction answers a timer's cron as JSON in TriggerDesc.
      Triggers: f.triggers.map((t) => ({ Name: t.name, TriggerName: t.name, Type: 'timer', Config: '', TriggerDesc: JSON.stringify({ cron: t.cron }) })),
    } as unknown as IFunctionInfo;
  }

  async createFunction(...[{ func }]: Params<'createFunction'>) {
    this.calls.push(`create ${func.name}`);
    if (this.functions.has(func.name)) throw scfError('ResourceInUse.Function', `${func.name} exists`);
    this.failIfAsked(func.name);
    expect(func.triggers).toBeUndefined();
    this.functions.set(func.name, {
      runtime: func.runtime!,
      timeout: func.timeout!,
      memorySize: func.memorySize!,
      vars: Object.fromEntries(Object.entries(func.envVariables ?? {}).map(([k, v]) => [k, String(v)])),
      triggers: [],
      codeUploads: 1,
    });
    return { RequestId: 'create' };
  }

  async updateFunctionCode(...[{ func }]: Params<'updateFunctionCode'>) {
    this.calls.push(`code ${func.name}`);
    this.failIfAsked(func.name);
    this.fn(func.name).codeUploads += 1;
    return { RequestId: 'code' };
  }

  async updateFunctionConfig(...[func]: Params<'updateFunctionConfig'>) {
    this.calls.push(`config ${func.name}`);
    expect(func.triggers).toBeUndefined();
    const f = this.fn(func.name);
    if (func.timeout !== undefined) f.timeout = func.timeout;
    if (func.memorySize !== undefined) f.memorySize = func.memorySize;
    // Replaced, not merged: Environment is sent whole.
    if (func.envVariables && Object.keys(func.envVariables).length > 0) {
      f.vars = Object.fromEntries(Object.entries(func.envVariables).map(([k, v]) => [k, String(v)]));
    }
    return { RequestId: 'config' };
  }

  async createFunctionTriggers(...[name, triggers = []]: Params<'createFunctionTriggers'>) {
    this.calls.push(`createTriggers ${name} ${triggers.map((t) => t.name).join(',')}`);
    const f = this.fn(name);
    for (const t of triggers) {
      if (f.triggers.some((o) => o.name === t.name)) throw scfError('ResourceInUse.Trigger', `trigger ${t.name} exists`);
      if (f.triggers.length > 0) throw scfError('LimitExceeded.Trigger', 'one timer trigger per function');
      f.triggers.push({ name: t.name, cron: t.config });
    }
    return { RequestId: 'triggers' };
  }

  async deleteFunctionTrigger(...[name, triggerName]: Params<'deleteFunctionTrigger'>) {
    this.calls.push(`deleteTrigger ${name} ${triggerName}`);
    const f = this.fn(name);
    f.triggers = f.triggers.filter((t) => t.name !== triggerName);
    return { RequestId: 'delete-trigger' };
  }

  async deleteFunction(...[name]: Params<'deleteFunction'>) {
    const fnName = typeof name === 'string' ? name : name.name;
    this.calls.push(`delete ${fnName}`);
    this.fn(fnName);
    this.functions.delete(fnName);
    return { RequestId: 'delete' };
  }

  async waitFunctionActive(...[name]: Params<'waitFunctionActive'>): Promise<void> {
    this.calls.push(`wait ${name}`);
  }

  /** Calls that change something online. */
  changes(): string[] {
    return this.calls.filter((c) => !c.startsWith('get ') && !c.startsWith('wait '));
  }
}

const key = randomBytes(32).toString('base64');
const otherKey = randomBytes(32).toString('base64');
const env = (dataKey: string | undefined) => ({ LINLI_DATA_KEY: dataKey, LINLI_PUBLIC_URL: 'https://linli.example.cn' });
const deploy = (scf: FakeScf, dataKey: string | undefined, recreateOutdatedRuntime = false) =>
  deployFunctions({ api: scf, functions: functionDeployments(env(dataKey)), functionRootPath: functionsRoot(), recreateOutdatedRuntime });

/** An environment deployed before this deploy existed: two activities timers, no fingerprint. */
function legacyEnvironment(): FakeScf {
  const scf = new FakeScf();
  scf.functions.set('account', {
    runtime: NODE_RUNTIME,
    timeout: 3,
    memorySize: 128,
    // Set by hand in the console; must survive every deploy.
    vars: { LINLI_PLATFORM: 'cloudbase', OPS_CONTACT: 'ops@linli.example.cn' },
    triggers: [],
    codeUploads: 1,
  });
  scf.functions.set('activities', {
    runtime: NODE_RUNTIME,
    timeout: 10,
    memorySize: 256,
    vars: { LINLI_PLATFORM: 'cloudbase' },
    triggers: [{ name: 'expireOffers', cron: '0 * * * * * *' }],
    codeUploads: 1,
  });
  return scf;
}

test('a missing or malformed key is refused before anything is read or changed', async () => {
  const scf = legacyEnvironment();
  const missing = await deploy(scf, undefined);
  expect(missing).toMatchObject({ ok: false, results: [] });
  expect(missing.refused).toContain('LINLI_DATA_KEY is not set');
  const short = await deploy(scf, randomBytes(16).toString('base64'));
  expect(short.refused).toContain('32 bytes');
  expect(scf.calls).toEqual([]);
  expect(summaryTable(missing)).toMatch(/^deploy refused, nothing changed/);
});

test('first deploy: every function with its one trigger, runtime, timeout and memory; variables merged; a failure does not stop the rest', async () => {
  const scf = legacyEnvironment();
  scf.failNext.add('hubs');
  const report = await deploy(scf, key);
  const names = deployableFunctions();
  expect(names.length).toBeGreaterThan(10);

  // Every function was attempted, in order, past the failure.
  expect(report.results.map((r) => r.name)).toEqual(names);
  expect(report.ok).toBe(false);
  expect(report.results.find((r) => r.name === 'hubs')).toMatchObject({ outcome: 'failed', detail: 'injected failure for hubs' });
  expect(report.results.filter((r) => r.name !== 'hubs').every((r) => ['created', 'updated'].includes(r.outcome))).toBe(true);
  expect(report.results.find((r) => r.name === 'account')!.outcome).toBe('updated');
  expect(report.results.find((r) => r.name === 'volunteers')!.outcome).toBe('created');
  for (const r of report.results) expect(r.codeHash).toMatch(/^[0-9a-f]{12}$/);

  const table = summaryTable(report);
  for (const name of names) expect(table).toContain(`| ${name} `);
  expect(table).toContain('| function');
  expect(table).toContain('failed: injected failure for hubs');
  expect(table).toContain(`1 of ${names.length} functions FAILED`);

  for (const name of names.filter((n) => n !== 'hubs')) {
    const online = scf.functions.get(name)!;
    const config = readFunctionConfig(name);
    expect({ name, runtime: online.runtime, timeout: online.timeout, memorySize: online.memorySize }).toEqual({
      name,
      runtime: 'Nodejs20.19',
      timeout: config.timeout,
      memorySize: config.memorySize,
    });
    // The one declared timer trigger, nothing else.
    expect({ name, triggers: online.triggers }).toEqual({ name, triggers: (config.triggers ?? []).map((t) => ({ name: t.name, cron: t.config })) });
    expect(online.triggers.length).toBeLessThanOrEqual(1);
    expect(online.vars).toMatchObject({
      LINLI_PLATFORM: 'cloudbase',
      LINLI_DATA_KEY: key,
      [DATA_KEY_FINGERPRINT_VARIABLE]: dataKeyFingerprint(key),
      LINLI_PUBLIC_URL: 'https://linli.example.cn',
    });
  }
  expect(scf.functions.has('hubs')).toBe(false);
  // The variable set by hand survived the update (the update replaces all of them).
  expect(scf.functions.get('account')!.vars.OPS_CONTACT).toBe('ops@linli.example.cn');
  // The old activities trigger gave way to the one dispatcher trigger.
  expect(scf.functions.get('activities')!.triggers).toEqual([{ name: 'everyMinute', cron: '0 * * * * * *' }]);
  expect(scf.changes()).toEqual(expect.arrayContaining(['deleteTrigger activities expireOffers', 'createTriggers activities everyMinute']));
  expect(report.results.find((r) => r.name === 'activities')!.triggers).toBe('everyMinute 0 * * * * * * (created); expireOffers (deleted)');
});

test('a second run re-deploys: code and configuration updated, nothing re-created, unchanged triggers left alone', async () => {
  const scf = legacyEnvironment();
  scf.failNext.add('hubs');
  await deploy(scf, key);
  const uploadsBefore = new Map([...scf.functions].map(([name, f]) => [name, f.codeUploads]));
  scf.calls.length = 0;

  const again = await deploy(scf, key);
  expect(again.ok).toBe(true);
  const names = deployableFunctions();
  expect(again.results.map((r) => [r.name, r.outcome])).toEqual(names.map((n) => [n, n === 'hubs' ? 'created' : 'updated']));
  // Only the function that failed before is created; no trigger is deleted or created again.
  expect(scf.changes().filter((c) => c.startsWith('create ') || c.startsWith('delete'))).toEqual(['create hubs']);
  expect(scf.changes().filter((c) => c.includes('Trigger'))).toEqual([]);
  for (const name of names.filter((n) => n !== 'hubs')) {
    expect(scf.changes()).toEqual(expect.arrayContaining([`code ${name}`, `config ${name}`]));
    expect(scf.functions.get(name)!.codeUploads).toBe(uploadsBefore.get(name)! + 1);
  }
  expect(again.results.find((r) => r.name === 'activities')!.triggers).toBe('everyMinute 0 * * * * * * (unchanged)');
  expect(scf.functions.get('account')!.vars.OPS_CONTACT).toBe('ops@linli.example.cn');
  expect(summaryTable(again)).toContain(`${names.length} functions deployed`);
});

test('a key other than the one in use is refused by its fingerprint, also where an older deploy left only the key', async () => {
  const scf = legacyEnvironment();
  expect((await deploy(scf, key)).ok).toBe(true);
  scf.calls.length = 0;
  const wrong = await deploy(scf, otherKey);
  expect(wrong.ok).toBe(false);
  expect(wrong.refused).toContain('not the key in use online');
  expect(wrong.refused).not.toContain(key);
  expect(wrong.refused).not.toContain(otherKey);
  expect(scf.changes()).toEqual([]);

  // Deployed before fingerprints: the key alone online still identifies it.
  const older = legacyEnvironment();
  older.functions.get('account')!.vars.LINLI_DATA_KEY = key;
  expect((await deploy(older, otherKey)).refused).toContain('fingerprint differs on account');
  expect(older.changes()).toEqual([]);
  const right = await deploy(older, key);
  expect(right.ok).toBe(true);
  expect(older.functions.get('account')!.vars[DATA_KEY_FINGERPRINT_VARIABLE]).toBe(dataKeyFingerprint(key));
});

test('an outdated runtime online is reported, and re-created with its variables only when asked', async () => {
  const scf = legacyEnvironment();
  scf.functions.get('account')!.runtime = 'Nodejs18.15';
  const warned = await deploy(scf, key);
  expect(warned.ok).toBe(true);
  expect(warned.results.find((r) => r.name === 'account')).toMatchObject({ outcome: 'updated', detail: expect.stringContaining('runtime Nodejs18.15 online') });
  expect(scf.functions.get('account')!.runtime).toBe('Nodejs18.15');

  const recreated = await deploy(scf, key, true);
  expect(recreated.results.find((r) => r.name === 'account')).toMatchObject({ outcome: 'recreated', detail: 'runtime Nodejs18.15 → Nodejs20.19' });
  expect(scf.functions.get('account')).toMatchObject({ runtime: 'Nodejs20.19', vars: { OPS_CONTACT: 'ops@linli.example.cn', LINLI_DATA_KEY: key } });
});

test('a function that cannot be read online is failed, not overwritten', async () => {
  const scf = legacyEnvironment();
  const read = scf.getFunctionDetail.bind(scf);
  scf.getFunctionDetail = async (name, codeSecret) => {
    if (name === 'roles') throw scfError('RequestLimitExceeded', 'too many requests');
    return read(name, codeSecret);
  };
  const report = await deploy(scf, key);
  expect(report.results.find((r) => r.name === 'roles')).toMatchObject({ outcome: 'failed', detail: 'could not read it online: too many requests' });
  expect(scf.changes().filter((c) => c.endsWith(' roles'))).toEqual([]);
  expect(report.results.filter((r) => r.outcome === 'failed')).toHaveLength(1);
});

test('cloudbaserc.json is generated from the deploy declarations and up to date', () => {
  const committed = readFileSync(join(projectRoot, 'cloudbaserc.json'), 'utf8');
  // Regenerate with: node --import tsx cloudfunctions/_local/cli/deploy-config.ts
  expect(committed).toBe(cloudbaseRcText());
  const rc = JSON.parse(committed) as { functionDefaultConfig: Record<string, unknown>; functions: Array<{ name: string; triggers?: unknown[] }> };
  expect(rc.functionDefaultConfig).toMatchObject({ runtime: NODE_RUNTIME, handler: 'index.main' });
  expect(rc.functionDefaultConfig).not.toHaveProperty('envVariables');
  expect(rc.functions.map((f) => f.name)).toEqual(deployableFunctions());
  expect(rc.functions.map((f) => f.name)).toEqual(expect.arrayContaining(['credits', 'proofs', 'volunteers']));
  for (const f of rc.functions) expect(f.triggers?.length ?? 0).toBeLessThanOrEqual(1);
});

test('dependencies installed in the cloud are pinned to package-lock.json', () => {
  // Fix with: node --import tsx cloudfunctions/_local/cli/deploy-config.ts
  expect(unpinnedDependencies()).toEqual([]);
});

/**
 * The same deploy, its reads, configuration and trigger calls going through the real manager
 * SDK's FunctionService (lib/function/index.js) down to the SCF actions it sends; only the
 * transport (CloudService.request) is replaced. Code upload and creation stay with the stand-in
 * above: they pack a zip and upload it to COS, and wait on one-second polls.
 */
test('through the real manager SDK: GetFunction read first, UpdateFunctionConfiguration carries the merged variables, triggers only where they differ', async () => {
  const { FunctionService: Service } = require('@cloudbase/manager-node/lib/function') as {
    FunctionService: new (environment: unknown) => FunctionsApi;
  };
  type Wire = { action: string; params: Record<string, unknown> };
  const sent: Wire[] = [];
  const online: Record<string, { vars: Record<string, string>; triggers: Array<{ TriggerName: string; Type: string; TriggerDesc: string }> }> = {
    account: { vars: { OPS_CONTACT: 'ops@linli.example.cn' }, triggers: [] },
    activities: { vars: { LINLI_PLATFORM: 'cloudbase' }, triggers: [{ TriggerName: 'expireOffers', Type: 'timer', TriggerDesc: '{"cron":"0 * * * * * *"}' }] },
  };
  const scf = async (action: string, params: Record<string, unknown>) => {
    sent.push({ action, params });
    const f = online[params.FunctionName as string]!;
    if (action === 'GetFunction') {
      return { Runtime: NODE_RUNTIME, Status: 'Active', Environment: { Variables: Object.entries(f.vars).map(([Key, Value]) => ({ Key, Value })) }, Triggers: f.triggers };
    }
    if (action === 'UpdateFunctionConfiguration') {
      f.vars = Object.fromEntries((params.Environment as { Variables: Array<{ Key: string; Value: string }> }).Variables.map((v) => [v.Key, v.Value]));
    }
    if (action === 'BatchCreateTrigger') {
      for (const t of JSON.parse(params.Triggers as string) as Array<{ TriggerName: string; Type: string; TriggerDesc: string }>) {
        f.triggers.push({ ...t, TriggerDesc: JSON.stringify({ cron: t.TriggerDesc }) });
      }
    }
    if (action === 'DeleteTrigger') f.triggers = f.triggers.filter((t) => t.TriggerName !== params.TriggerName);
    return { RequestId: action };
  };
  const environment = {
    inited: true,
    cloudBaseContext: {},
    getUserService: () => ({}),
    lazyEnvironmentConfig: { EnvId: 'env-test', Functions: [{ Namespace: 'env-test' }] },
  };
  const real = new Service(environment);
  (real as unknown as { scfService: { request: typeof scf } }).scfService.request = scf;
  const stand = new FakeScf();
  const api: FunctionsApi = {
    getFunctionDetail: real.getFunctionDetail.bind(real),
    updateFunctionConfig: real.updateFunctionConfig.bind(real),
    createFunctionTriggers: real.createFunctionTriggers.bind(real),
    deleteFunctionTrigger: real.deleteFunctionTrigger.bind(real),
    updateFunctionCode: async (param) => {
      stand.calls.push(`code ${param.func.name}`);
      return { RequestId: 'code' };
    },
    waitFunctionActive: stand.waitFunctionActive.bind(stand),
    createFunction: stand.createFunction.bind(stand),
    deleteFunction: stand.deleteFunction.bind(stand),
  };
  const functions = functionDeployments(env(key)).filter((f) => f.name in online);
  const run = () => deployFunctions({ api, functions, functionRootPath: functionsRoot() });

  expect((await run()).ok).toBe(true);
  const actions = (name: string) => sent.filter((w) => w.params.FunctionName === name).map((w) => w.action);
  expect(actions('account')).toEqual(['GetFunction', 'UpdateFunctionConfiguration']);
  expect(actions('activities')).toEqual(['GetFunction', 'UpdateFunctionConfiguration', 'DeleteTrigger', 'BatchCreateTrigger']);
  const update = sent.find((w) => w.action === 'UpdateFunctionConfiguration' && w.params.FunctionName === 'account')!.params;
  expect(update).toMatchObject({ Timeout: readFunctionConfig('account').timeout, MemorySize: readFunctionConfig('account').memorySize, InstallDependency: 'TRUE' });
  expect(update.Environment).toEqual({
    Variables: expect.arrayContaining([
      { Key: 'OPS_CONTACT', Value: 'ops@linli.example.cn' },
      { Key: 'LINLI_PLATFORM', Value: 'cloudbase' },
      { Key: 'LINLI_DATA_KEY', Value: key },
      { Key: DATA_KEY_FINGERPRINT_VARIABLE, Value: dataKeyFingerprint(key) },
    ]),
  });
  expect(sent.find((w) => w.action === 'BatchCreateTrigger')!.params).toMatchObject({
    FunctionName: 'activities',
    Count: 1,
    Triggers: JSON.stringify([{ TriggerName: 'everyMinute', Type: 'timer', TriggerDesc: '0 * * * * * *' }]),
  });

  // Again: the trigger read back from GetFunction is the declared one, so no trigger action.
  sent.length = 0;
  expect((await run()).ok).toBe(true);
  expect(sent.map((w) => w.action).sort()).toEqual(['GetFunction', 'GetFunction', 'UpdateFunctionConfiguration', 'UpdateFunctionConfiguration']);
  expect(online.account!.vars.OPS_CONTACT).toBe('ops@linli.example.cn');
});
