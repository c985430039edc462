/**
 * Content safety for every user text: WeChat's msgSecCheck v2 (openid + scene + content; the
 * verdict is `result.suggest`: pass / review / risky), called through the cloud-call bridge
 * (./wechat/openApi.ts). On the local cloud the emulated WeChat answers the same call from the
 * word list (./wordRule.ts and the `content_words` collection).
 * Doc: https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/sec-center/sec-check/msgSecCheck.html
 */
import { callOpenApi, type OpenApi } from './wechat/openApi';
import { contentErrors } from '../../../src/shared/domainErrors';

const MSG_SEC_CHECK: OpenApi = { path: '/wxa/msg_sec_check', permission: 'security.msgSecCheck' };

export type Suggest = 'pass' | 'review' | 'risky';
/** msgSecCheck scenes: 1 profile, 2 comment, 3 forum, 4 social log. */
export type Scene = 1 | 2 | 3 | 4;

export interface CheckResult {
  suggest: Suggest;
  label: string | null;
}

export interface ContentChecker {
  check(text: string, scene: Scene, openid: string): Promise<CheckResult>;
}

/** msgSecCheck v2; content is at most 2,500 characters per call. */
export class WeChatChecker implements ContentChecker {
  async check(text: string, scene: Scene, openid: string): Promise<CheckResult> {
    const body = await callOpenApi<{ result?: { suggest?: string; label?: number } }>(MSG_SEC_CHECK, {
      version: 2,
      openid,
      scene,
      content: text.slice(0, 2500),
    });
    const suggest = body.result?.suggest;
    return {
      suggest: suggest === 'risky' || suggest === 'review' ? suggest : 'pass',
      label: body.result?.label !== undefined ? String(body.result.label) : null,
    };
  }
}

let checker: ContentChecker | undefined;

/** The content checker (one implementation; where WeChat is, is configuration). */
export function contentChecker(): ContentChecker {
  checker ??= new WeChatChecker();
  return checker;
}

/**
 * Checks every text field before it is stored: `risky` is refused, `review` asks the author
 * to rephrase (DOMAIN: prevention beats removal). Throws CONTENT_REJECTED / CONTENT_REVIEW.
 */
export async function assertContentAllowed(fields: Record<string, string | undefined>, scene: Scene, openid: string): Promise<void> {
  for (const [field, text] of Object.entries(fields)) {
    if (!text) continue;
    const { suggest } = await contentChecker().check(text, scene, openid);
    if (suggest === 'risky') {
      throw contentErrors.rejected({ field });
    }
    if (suggest === 'review') {
      throw contentErrors.needsRewording({ field });
    }
  }
}
