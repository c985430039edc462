/**
 * A stand-in for src/services/cloud in component tests: `call` is a jest mock that answers
 * from per-action handlers a test registers with `mockActions`; everything else (ClientError,
 * messages) is the real module, so pages see the same error objects as in production.
 */
import type { ActionName, InputOf, OutputOf } from '../../src/shared/api/contract';
import type * as RealCloud from '../../src/services/cloud';

const actual = jest.requireActual<typeof RealCloud>('../../src/services/cloud');

export type ActionHandlers = { [A in ActionName]?: (input: InputOf<A>) => OutputOf<A> | Promise<OutputOf<A>> };

let handlers: ActionHandlers = {};

/** Replaces the handlers (unlisted actions reject, so a page calling something unexpected fails loudly). */
export function mockActions(next: ActionHandlers): void {
  handlers = next;
}

export const call = jest.fn(async (action: ActionName, input: unknown): Promise<unknown> => {
  const handler = handlers[action] as ((input: unknown) => unknown) | undefined;
  if (!handler) throw new Error(`test did not mock action ${action}`);
  return handler(input);
});

export const devSignIn = jest.fn(async (request: { openid?: string; nickname?: string }) => ({ token: 'test-token', openid: request.openid ?? 'dev-new' }));
export const hasSession = jest.fn(() => true);
export const signOut = jest.fn();
export const initCloud = jest.fn();
export const uploadAvatar = jest.fn(async () => 'cloud://test/avatar.png');
/** Answers `cloud://test/<kind>/<the local path's letters>` (predictable per chosen file). */
export const uploadImage = jest.fn(async (localPath: string, kind: string): Promise<string> => `cloud://test/${kind}/${localPath.replace(/[^A-Za-z0-9-]/g, '_')}`);

/** Answers `cloud://test/imports/regions/<the file name>`. */
export const uploadImportFile = jest.fn(async (_localPath: string, fileName: string): Promise<string> => `cloud://test/imports/regions/${fileName}`);

export const { ClientError, clientErrorOf, isClientError, messageFor, RETRY_DELAYS_MS } = actual;
