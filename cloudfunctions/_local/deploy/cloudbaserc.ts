/**
 * cloudbaserc.json for the CloudBase CLI (`tcb fn deploy`), generated from the same plan as
 * `npm run deploy:functions`. The CLI merges `functionDefaultConfig` into each entry of
 * `functions` (cloudbase-cli src/utils/config.ts, getCloudBaseConfig) and deploys a function not
 * listed with its own defaults (Nodejs10.15, src/commands/functions/deploy.ts), so every
 * function is listed.
 *
 * No `envVariables`: the CLI sends them whole, replacing what is online (the manager SDK's
 * updateFunctionConfig), which would drop LINLI_DATA_KEY and with it every sealed phone and ID
 * number. Left out, the CLI keeps the online variables on update; only deploy:functions sets them.
 */
import { functionDeployments, NODE_RUNTIME, UPLOAD_IGNORE } from './plan';

export function cloudbaseRc(): Record<string, unknown> {
  // Without the deployer's secrets: the file is committed.
  const functions = functionDeployments({});
  return {
    version: '2.0',
    envId: '{{env.TCB_ENV}}',
    functionRoot: './cloudfunctions',
    functionDefaultConfig: {
      runtime: NODE_RUNTIME,
      handler: 'index.main',
      installDependency: true,
      ignore: UPLOAD_IGNORE,
    },
    functions: functions.map((f) => ({
      name: f.name,
      timeout: f.timeout,
      memorySize: f.memorySize,
      ...(f.triggers.length > 0 ? { triggers: f.triggers } : {}),
    })),
  };
}

export function cloudbaseRcText(): string {
  return `${JSON.stringify(cloudbaseRc(), null, 2)}\n`;
}
