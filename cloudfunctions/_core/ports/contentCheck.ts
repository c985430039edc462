/**
 * Content safety for every user text. Production asks WeChat's msgSecCheck v2; locally a
 * rule-based checker reads an editable word list from the `content_words` collection.
 * Both answer pass / review (ask the author to rephrase) / risky (refuse).
 */
import { AppError } from '../../../src/shared/errors';
import { Collections } from '../repositories/collections';
import { cloudbaseApp, database } from '../runtime/cloudbase';
import { platform } from './platform';

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

interface WordDoc {
  word: string;
  level: 'review' | 'risky';
  label: string;
}

/** Words shipped with the product; committees extend the list in the database. */
export const DEFAULT_WORDS: ReadonlyArray<Omit<WordDoc, never>> = [
  { word: '赌博', level: 'risky', label: 'gambling' },
  { word: '博彩', level: 'risky', label: 'gambling' },
  { word: '代开发票', level: 'risky', label: 'fraud' },
  { word: '刷单', level: 'risky', label: 'fraud' },
  { word: '传销', level: 'risky', label: 'fraud' },
  { word: '高利贷', level: 'risky', label: 'fraud' },
  { word: '毒品', level: 'risky', label: 'illegal' },
  { word: '枪支', level: 'risky', label: 'illegal' },
  { word: '加微信领红包', level: 'review', label: 'spam' },
  { word: '免费领取', level: 'review', label: 'spam' },
  { word: '保本高收益', level: 'review', label: 'fraud' },
  { word: '傻逼', level: 'review', label: 'abuse' },
  { word: '滚蛋', level: 'review', label: 'abuse' },
];

const CACHE_MS = 30_000;

/** Rule-based local checker; case- and width-insensitive, ignores spaces between characters. */
export class WordListChecker implements ContentChecker {
  private cache: { words: WordDoc[]; at: number } | undefined;

  private async words(): Promise<WordDoc[]> {
    if (this.cache && Date.now() - this.cache.at < CACHE_MS) return this.cache.words;
    const { data } = await database().collection(Collections.contentWords).limit(1000).get();
    const words = [...DEFAULT_WORDS, ...(data as WordDoc[])];
    this.cache = { words, at: Date.now() };
    return words;
  }

  async check(text: string): Promise<CheckResult> {
    const normalised = normalise(text);
    let result: CheckResult = { suggest: 'pass', label: null };
    for (const entry of await this.words()) {
      if (!normalised.includes(normalise(entry.word))) continue;
      if (entry.level === 'risky') return { suggest: 'risky', label: entry.label };
      result = { suggest: 'review', label: entry.label };
    }
    return result;
  }
}

function normalise(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/[\s\u200b-\u200d\ufeff·.,，。_\-*]/g, '');
}

/** WeChat msgSecCheck v2 through the SDK's open-API bridge. */
export class WeChatChecker implements ContentChecker {
  async check(text: string, scene: Scene, openid: string): Promise<CheckResult> {
    const response = await cloudbaseApp().callWxOpenApi({
      apiName: '/wxa/msg_sec_check',
      requestData: { version: 2, openid, scene, content: text.slice(0, 2500) },
    });
    const body = parseOpenApiResult(response.result) as { errcode?: number; result?: { suggest?: string; label?: number } };
    if (body.errcode && body.errcode !== 0) throw new Error(`msgSecCheck failed with errcode ${body.errcode}`);
    const suggest = body.result?.suggest;
    return {
      suggest: suggest === 'risky' || suggest === 'review' ? suggest : 'pass',
      label: body.result?.label !== undefined ? String(body.result.label) : null,
    };
  }
}

function parseOpenApiResult(result: unknown): unknown {
  if (Buffer.isBuffer(result)) return JSON.parse(result.toString('utf8'));
  if (typeof result === 'string') return JSON.parse(result);
  return result;
}

let checker: ContentChecker | undefined;

/** The configured checker. */
export function contentChecker(): ContentChecker {
  checker ??= platform() === 'cloudbase' ? new WeChatChecker() : new WordListChecker();
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
      throw new AppError('CONTENT_REJECTED', `${field}: 内容含有违规信息，无法发布`, [{ path: field, message: '内容含有违规信息，无法发布' }]);
    }
    if (suggest === 'review') {
      throw new AppError('CONTENT_REVIEW', `${field}: 内容可能不够友善或像广告，请修改后再提交`, [
        { path: field, message: '内容可能不够友善或像广告，请修改后再提交' },
      ]);
    }
  }
}
