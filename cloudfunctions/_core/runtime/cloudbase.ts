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
    // A crowd on a small machine can queue a database call for longer than the SDK's 15 s default.
    const timeout = Number(process.env.LINLI_SDK_TIMEOUT_MS) || undefined;
    app = tcb.init({
      env: process.env.TCB_ENV ?? tcb.SYMBOL_CURRENT_ENV,
      ...(timeout ? { timeout } : {}),
      // keepalive: false = Node's global agent (keep-alive since Node 19, 256 idle sockets), as the
      // SDK itself chooses inside CloudBase; its own pool keeps only 10 idle sockets and reconnects
      // under a crowd of concurrent calls.
      ...(serviceUrl
        ? { serviceUrl, keepalive: false, secretId: process.env.TENCENTCLOUD_SECRETID ?? 'local', secretKey: process.env.TENCENTCLOUD_SECRETKEY ?? 'local' }
        : {}),
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
