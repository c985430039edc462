/**
 * What a deploy to CloudBase creates, derived from the same declarations the local cloud
 * uses: one function per folder (with its config.json triggers) and the declared indexes.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Collections } from '../../_core/repositories/collections';
import type { IndexDeclaration } from '../../_core/repositories/indexes';
import { projectRoot } from '../host/config';
import { deployableFunctions } from '../host/functionHost';

export interface FunctionDeployment {
  name: string;
  runtime: string;
  timeout: number;
  handler: string;
  installDependency: boolean;
  envVariables: Record<string, string>;
  triggers: Array<{ name: string; type: string; config: string }>;
}

export interface IndexDeployment {
  collection: string;
  IndexName: string;
  MgoKeySchema: { MgoIsUnique: boolean; MgoIndexKeys: Array<{ Name: string; Direction: '1' | '-1' }> };
}

/** Variables every deployed function gets; secrets come from the deployer's environment. */
function functionEnvironment(): Record<string, string> {
  const env: Record<string, string> = { LINLI_PLATFORM: 'cloudbase' };
  for (const key of ['LINLI_DATA_KEY', 'LINLI_PUBLIC_URL', 'LINLI_MINIPROGRAM_STATE', 'LINLI_WX_TIMEOUT_MS']) {
    const value = process.env[key];
    if (value) env[key] = value;
  }
  // Subscribe-message templates: LINLI_TEMPLATE_<KIND>_ID and _KEYS (see _core/ports/wechat/templates.ts).
  for (const [key, value] of Object.entries(process.env)) if (key.startsWith('LINLI_TEMPLATE_') && value) env[key] = value;
  return env;
}

/** The functions to deploy, with their timer triggers. */
export function functionDeployments(): FunctionDeployment[] {
  return deployableFunctions().map((name) => {
    const configFile = join(projectRoot, 'cloudfunctions', name, 'config.json');
    const config = existsSync(configFile)
      ? (JSON.parse(readFileSync(configFile, 'utf8')) as { triggers?: FunctionDeployment['triggers']; timeout?: number })
      : {};
    return {
      name,
      runtime: 'Nodejs18.15',
      timeout: config.timeout ?? 10,
      handler: 'index.main',
      installDependency: true,
      envVariables: functionEnvironment(),
      triggers: config.triggers ?? [],
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
