/**
 * The one CloudBase client of a function instance, created at module scope and reused across
 * invocations. Where it points is configuration: on CloudBase the current environment; on the
 * local cloud `TCB_SERVICE_URL` names the emulator (`http://127.0.0.1:<PORT>/tcb/admin`).
 */
import tcb from '@cloudbase/node-sdk';

type App = ReturnType<typeof tcb.init>;
export type Database = ReturnType<App['database']>;

let app: App | undefined;

/** The SDK app, created once per instance. */
export function cloudbaseApp(): App {
  if (!app) {
    const serviceUrl = process.env.TCB_SERVICE_URL;
    app = tcb.init({
      env: process.env.TCB_ENV ?? tcb.SYMBOL_CURRENT_ENV,
      ...(serviceUrl ? { serviceUrl, secretId: process.env.TENCENTCLOUD_SECRETID ?? 'local', secretKey: process.env.TENCENTCLOUD_SECRETKEY ?? 'local' } : {}),
    });
  }
  return app;
}

/** The document database of the current environment. */
export function database(): Database {
  return cloudbaseApp().database();
}

/** Platform context values (WX_OPENID, TRIGGER_SRC, …) as CloudBase injects them. */
export function platformContext(context: unknown): Record<string, string | undefined> {
  return tcb.getCloudbaseContext(context as Parameters<typeof tcb.getCloudbaseContext>[0]) as unknown as Record<
    string,
    string | undefined
  >;
}
