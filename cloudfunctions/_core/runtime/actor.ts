/**
 * The caller, from the trusted platform context only: WX_OPENID is injected by CloudBase for
 * mini-program calls and by the local cloud's function host from the dev session. Nothing in
 * the event can name or change the actor.
 */
import type { PolicyActor } from '../../../src/shared/policies/actor';
import { activeGrantsOf } from '../repositories/roleGrants';
import { ensureUser, type UserDoc } from '../repositories/users';
import { platformContext } from './cloudbase';

export interface Actor extends PolicyActor {
  openid: string;
  user: UserDoc;
}

/** The caller's openid, or null for an anonymous call. */
export function openidOf(context: unknown): string | null {
  const openid = platformContext(context).WX_OPENID;
  return typeof openid === 'string' && openid.length > 0 ? openid : null;
}

/** True when the platform (not the caller) says this invocation is a timer trigger. */
export function isTimerInvocation(context: unknown): boolean {
  return platformContext(context).TRIGGER_SRC === 'timer';
}

/**
 * Loads (creating on first sight) the user, then their active staff grants unless the user
 * document says there are none: one round trip fewer for residents on every call.
 */
export async function resolveActor(openid: string): Promise<Actor> {
  const user = await ensureUser(openid, { nickname: '新居民' });
  const grants = user.mayHoldGrants === false ? [] : await activeGrantsOf(user._id);
  return { openid, user, userId: user._id, grants };
}

/** The caller of a public action without a session: no user document, no grants. */
export const ANONYMOUS: Actor = Object.freeze({
  openid: '',
  userId: 'anonymous',
  grants: [],
  user: { _id: 'anonymous', openid: '', nickname: '', avatar: null, homeCommunityId: null, locale: 'zh-CN', createdAt: new Date(0), updatedAt: new Date(0) },
}) as Actor;
