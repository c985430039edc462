/**
 * What a deploy to CloudBase creates, derived from the same declarations the local cloud
 * uses: one function per folder, configured by its config.json (timeout, memory, its one timer
 * trigger), and the declared indexes. `npm run deploy:functions` and the generated
 * cloudbaserc.json (for the `tcb` CLI) both read these, so they cannot drift apart.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Collections } from '../../_core/repositories/collections';
import type { GeoIndexDeclaration, IndexDeclaration } from '../../_core/repositories/indexDeclaration';
import { projectRoot } from '../host/config';
import { deployableFunctions } from '../host/functionHost';
import { DATA_KEY_FINGERPRINT_VARIABLE, dataKeyFingerprint } from './dataKey';

/**
 * The newest Node.js runtime @cloudbase/manager-node 5.6.5 knows: its `RuntimeVersion` type
 * (types/agent/type.d.ts) lists Nodejs20.19 first and createFunction defaults to it
 * (lib/function/index.js, configToParams). Bundles are built for the same (config/build-functions.mjs).
 */
export const NODE_RUNTIME = 'Nodejs20.19';

/** Files never uploaded: sources (the bundle is index.js), local installs, maps. */
export const UPLOAD_IGNORE = ['src/**', 'node_modules/**', '*.map'];

export interface TimerTriggerDeclaration {
  name: string;
  type: 'timer';
  /** CloudBase's seven-field cron. */
  config: string;
}

export interface FunctionDeployment {
  name: string;
  runtime: string;
  handler: string;
  /** Seconds; from config.json. */
  timeout: number;
  /** MB; from config.json. */
  memorySize: number;
  /** CloudBase installs package.json's dependencies (pinned to package-lock.json's versions). */
  installDependency: boolean;
  ignore: string[];
  /** The variables this deploy sets; merged into what is online, never replacing it. */
  envVariables: Record<string, string>;
  /** At most one: CloudBase allows one timer trigger per function. */
  triggers: TimerTriggerDeclaration[];
}

/** A function's config.json: the one declaration of its timeout, memory and timer. */
export interface FunctionConfig {
  permissions?: { openapi?: string[] };
  timeout: number;
  memorySize: number;
  triggers?: Array<{ name: string; type: string; config: string }>;
  jobs?: Record<string, string>;
}

export interface IndexDeployment {
  collection: string;
  IndexName: string;
  MgoKeySchema: { MgoIsUnique: boolean; MgoIndexKeys: Array<{ Name: string; Direction: '1' | '-1' | '2dsphere' }> };
}

export function functionsRoot(): string {
  return join(projectRoot, 'cloudfunctions');
}

export function readFunctionConfig(name: string): FunctionConfig {
  const file = join(functionsRoot(), name, 'config.json');
  if (!existsSync(file)) throw new Error(`function ${name} has no config.json`);
  const config = JSON.parse(readFileSync(file, 'utf8')) as Partial<FunctionConfig>;
  // SCF: timeout 1–900 s; memory 64 or 128–3072 MB in steps of 128 (UpdateFunctionConfiguration).
  if (!Number.isInteger(config.timeout) || config.timeout! < 1 || config.timeout! > 900) throw new Error(`${name}/config.json: timeout must be 1–900 seconds`);
  const memory = config.memorySize;
  if (!Number.isInteger(memory) || !(memory === 64 || (memory! >= 128 && memory! <= 3072 && memory! % 128 === 0))) {
    throw new Error(`${name}/config.json: memorySize must be 64 or 128–3072 MB in steps of 128`);
  }
  return config as FunctionConfig;
}

/**
 * Variables every deployed function gets. Secrets come from the deployer's environment; the
 * data key travels with its fingerprint so the next deploy can tell whether it holds the same
 * key without reading the key (see dataKey.ts).
 */
export function functionEnvironment(env: Record<string, string | undefined> = process.env): Record<string, string> {
  const vars: Record<string, string> = { LINLI_PLATFORM: 'cloudbase' };
  if (env.LINLI_DATA_KEY) {
    vars.LINLI_DATA_KEY = env.LINLI_DATA_KEY;
    // A malformed key gets no fingerprint; the deploy refuses it (deployFunctions) with the reason.
    if (Buffer.from(env.LINLI_DATA_KEY, 'base64').length === 32) vars[DATA_KEY_FINGERPRINT_VARIABLE] = dataKeyFingerprint(env.LINLI_DATA_KEY);
  }
  for (const key of ['LINLI_PUBLIC_URL', 'LINLI_MINIPROGRAM_STATE', 'LINLI_WX_TIMEOUT_MS']) {
    const value = env[key];
    if (value) vars[key] = value;
  }
  // Subscribe-message templates: LINLI_TEMPLATE_<KIND>_ID and _KEYS (see _core/ports/wechat/templates.ts).
  for (const [key, value] of Object.entries(env)) if (key.startsWith('LINLI_TEMPLATE_') && value) vars[key] = value;
  return vars;
}

/** The functions to deploy, each with its one timer trigger. */
export function functionDeployments(env: Record<string, string | undefined> = process.env): FunctionDeployment[] {
  return deployableFunctions().map((name) => {
    const config = readFunctionConfig(name);
    const timers = (config.triggers ?? []).filter((t) => t.type === 'timer');
    if (timers.length > 1) throw new Error(`${name}/config.json: CloudBase allows one timer trigger per function (use jobs behind one trigger)`);
    if ((config.triggers ?? []).length !== timers.length) throw new Error(`${name}/config.json: only timer triggers are deployed`);
    return {
      name,
      runtime: NODE_RUNTIME,
      handler: 'index.main',
      timeout: config.timeout,
      memorySize: config.memorySize,
      installDependency: true,
      ignore: UPLOAD_IGNORE,
      envVariables: functionEnvironment(env),
      triggers: timers.map((t) => ({ name: t.name, type: 'timer' as const, config: t.config })),
    };
  });
}

/** Every collection the functions use. */
export function collectionNames(): string[] {
  return Object.values(Collections).sort();
}

/** CloudBase index payloads for the declarations. */
export function indexDeployments(declarations: IndexDeclaration[]): IndexDeployment[] {
  return declarations.map((decl) => ({
    collection: decl.collection,
    IndexName: decl.name,
    MgoKeySchema: {
      MgoIsUnique: decl.unique === true,
      MgoIndexKeys: decl.fields.map((f) => ({ Name: f.field, Direction: f.direction === -1 ? '-1' : '1' })),
    },
  }));
}

/** CloudBase index payloads for geo declarations: one "2dsphere" key each. */
export function geoIndexDeployments(declarations: GeoIndexDeclaration[]): IndexDeployment[] {
  return declarations.map((decl) => ({
    collection: decl.collection,
    IndexName: decl.name,
    MgoKeySchema: { MgoIsUnique: false, MgoIndexKeys: [{ Name: decl.field, Direction: '2dsphere' }] },
  }));
}
