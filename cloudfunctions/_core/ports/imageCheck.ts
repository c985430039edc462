/**
 * Image safety, run after a post is published (DOMAIN: publish text at once, show images once
 * they pass), with WeChat's security.mediaCheckAsync (v2; img_sec_check is deprecated). The check
 * is asynchronous: submitting a file answers a `trace_id`, and WeChat pushes the verdict later
 * as a `wxa_media_check` event to the message push (消息推送) of the mini-program, which
 * CloudBase delivers to a cloud function (here: `posts`, see createHandler's `pushEvents`).
 * The submission and the verdict meet in the `media_checks` collection, by trace id; the
 * posts timer reads the verdict on its next run. Locally the emulated WeChat pushes its verdict
 * the same way, by invoking the function through the local cloud's function host.
 * Doc: https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/sec-center/sec-check/mediaCheckAsync.html
 */
import { Collections } from '../repositories/collections';
import { database } from '../runtime/cloudbase';
import { digest } from '../runtime/hash';
import { fileStore } from './storage';
export { imageFormatOf } from './imageFormat';
import { callOpenApi, type OpenApi } from './wechat/openApi';

const MEDIA_CHECK_ASYNC: OpenApi = { path: '/wxa/media_check_async', permission: 'security.mediaCheckAsync' };

export type ImageVerdict = 'pass' | 'risky' | 'pending';

export interface ImageChecker {
  /** The verdict on a stored image; `pending` until WeChat has pushed it. */
  check(fileId: string, openid: string): Promise<ImageVerdict>;
}

interface MediaCheckDoc {
  _id: string;
  fileId: string;
  traceId: string;
  verdict: 'pass' | 'risky' | null;
  submittedAt: Date;
  decidedAt: Date | null;
}

/** How long WeChat may take before a file is submitted again (its push can be lost). */
const RESUBMIT_MS = 30 * 60_000;
const checks = () => database().collection(Collections.mediaChecks);

export class MediaCheckAsync implements ImageChecker {
  async check(fileId: string, openid: string): Promise<ImageVerdict> {
    const id = digest('media', fileId).slice(0, 32);
    const { data } = await checks().doc(id).get();
    const known = data[0] as MediaCheckDoc | undefined;
    if (known?.verdict) return known.verdict;
    if (known && Date.now() - new Date(known.submittedAt).getTime() < RESUBMIT_MS) return 'pending';
    const url = (await fileStore().temporaryUrls([fileId])).get(fileId);
    if (!url) return 'risky';
    // media_type 2 = image; scene 3 = forum (group announcements).
    const { trace_id: traceId } = await callOpenApi<{ trace_id: string }>(MEDIA_CHECK_ASYNC, { media_url: url, media_type: 2, version: 2, scene: 3, openid });
    const doc: Omit<MediaCheckDoc, '_id'> = { fileId, traceId, verdict: null, submittedAt: new Date(), decidedAt: null };
    await checks().doc(id).set(doc);
    return 'pending';
  }
}

/**
 * The `wxa_media_check` push: records the verdict of a trace id this app submitted. A push for
 * an unknown trace id changes nothing (trace ids never leave the server, so a forged push
 * cannot clear an image). Answers `success`, as WeChat's message push expects.
 */
export async function recordMediaVerdict(event: unknown): Promise<string> {
  const push = event as { trace_id?: unknown; result?: { suggest?: unknown } };
  if (typeof push.trace_id !== 'string' || push.trace_id.length === 0) return 'success';
  const verdict = push.result?.suggest === 'pass' ? 'pass' : 'risky';
  await checks().where({ traceId: push.trace_id, verdict: null }).update({ verdict, decidedAt: new Date() });
  return 'success';
}

let current: ImageChecker | undefined;

/** The image checker. */
export function imageChecker(): ImageChecker {
  current ??= new MediaCheckAsync();
  return current;
}
