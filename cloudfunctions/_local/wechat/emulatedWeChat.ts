/**
 * The emulated WeChat of the local cloud: answers the open-API requests cloud functions send
 * through node-sdk's `callWxOpenApi` (admin action `wx.api`: `apiName` is the HTTPS path,
 * `requestData` the JSON body as a string; the reply is `{ data: { responseData } }`, WeChat's
 * answer as a string — see src/wx/index.ts of TencentCloudBase/node-sdk). It behaves as the
 * documented APIs do where tests can tell:
 *
 * - msgSecCheck v2: the word-list rule (_core/ports/wordRule.ts + `content_words`), verdict in
 *   `result.suggest` with WeChat's numeric labels.
 * - subscribeMessage.send: the openid must be a user of this app (40003), the template id given
 *   (40037), every keyword valid for its type (47003); each message sent is recorded in
 *   `wx_subscribe_messages` (GET /api/dev/wechat/messages shows them).
 * - wxacode.getUnlimited: a real PNG QR code of `page?scene=…` (scene ≤ 32 visible ASCII, else
 *   40169), recorded in `wx_codes`. The image travels as bytes through `wx.openApi` (the protobuf
 *   protocol of wx-server-sdk's cloud.openapi: ../../_core/ports/wechat/commApi.ts), as on
 *   CloudBase; asked through the JSON `wx.api`, its bytes arrive as the string `responseData` can
 *   hold (UTF-8 text), unusable, which is why functions never ask that way.
 * - mediaCheckAsync v2: answers a trace id, then pushes the verdict as a `wxa_media_check`
 *   event to the message-push function (LINLI_WX_PUSH_FUNCTION, default `posts`) through the
 *   function host. Rule: a PNG/JPEG/GIF/WebP of at most 10 MB whose name does not contain
 *   `risky` passes.
 * - Faults set through the dev route answer first (./faults.ts).
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import QRCode from 'qrcode';
import { imageFormatOf } from '../../_core/ports/imageFormat';
import { decodeCommApiData, encodeCommOpenApiResp } from '../../_core/ports/wechat/commApi';
import { keywordProblem } from '../../_core/ports/wechat/keywords';
import { DEFAULT_WORDS, judgeText, type WordEntry } from '../../_core/ports/wordRule';
import { Collections } from '../../_core/repositories/collections';
import type { AdminApiDeps } from '../emulator/protocol';
import { errorBody, setFaults, takeFault, type Fault } from './faults';

export const WxCollections = {
  messages: 'wx_subscribe_messages',
  codes: 'wx_codes',
  mediaChecks: 'wx_media_checks',
} as const;

/** WeChat's JSON answer, or the bytes of an image. */
type Answer = Record<string, unknown> | Buffer;
type Api = (data: Record<string, unknown>, deps: AdminApiDeps) => Promise<Answer> | Answer;

/** WeChat's numeric labels (msgSecCheck v2 `result.label`) for the word list's labels. */
const LABELS: Record<string, number> = { spam: 10001, abuse: 20003, illegal: 20006, gambling: 20006, fraud: 20008 };

function record(deps: AdminApiDeps, collection: string, doc: Record<string, unknown>): void {
  deps.store.createCollection(collection);
  deps.store.insert(collection, [{ ...doc, at: new Date().toISOString() }]);
}

const ok = (body: Record<string, unknown> = {}) => ({ errcode: 0, errmsg: 'ok', ...body });

const apis: Record<string, { name: string; answer: Api }> = {
  '/wxa/msg_sec_check': {
    name: 'security.msgSecCheck',
    answer: (data, { store }) => {
      if (data.version !== 2) return errorBody(47003, 'version must be 2');
      if (typeof data.openid !== 'string' || !data.openid) return errorBody(40003);
      if (![1, 2, 3, 4].includes(Number(data.scene))) return errorBody(47003, 'scene must be 1-4');
      if (typeof data.content !== 'string' || [...data.content].length > 2500) return errorBody(47003, 'content');
      const words = [...DEFAULT_WORDS, ...(store.find(Collections.contentWords, {}, { limit: 1000 }) as unknown as WordEntry[])];
      const { suggest, label } = judgeText(data.content, words);
      const numeric = label ? (LABELS[label] ?? 21000) : 100;
      return ok({ trace_id: randomUUID(), result: { suggest, label: numeric }, detail: [{ strategy: 'content_model', errcode: 0, suggest, label: numeric }] });
    },
  },

  '/cgi-bin/message/subscribe/send': {
    name: 'subscribeMessage.send',
    answer: (data, deps) => {
      const touser = typeof data.touser === 'string' ? data.touser : '';
      if (!touser || deps.store.find(Collections.users, { openid: touser }, { limit: 1 }).length === 0) return errorBody(40003);
      if (typeof data.template_id !== 'string' || !data.template_id) return { errcode: 40037, errmsg: 'invalid template_id rid: local' };
      const fields = data.data && typeof data.data === 'object' ? (data.data as Record<string, unknown>) : {};
      if (Object.keys(fields).length === 0) return errorBody(47003, 'data is empty');
      for (const [key, entry] of Object.entries(fields)) {
        const problem = keywordProblem(key, (entry as { value?: unknown } | null)?.value);
        if (problem) return errorBody(47003, `data.${problem}`);
      }
      const page = typeof data.page === 'string' ? data.page : null;
      if (page?.startsWith('/')) return errorBody(47003, 'page must not start with /');
      const msgid = randomUUID();
      record(deps, WxCollections.messages, { msgid, openid: touser, templateId: data.template_id, page, data: fields, state: data.miniprogram_state ?? 'formal' });
      return ok({ msgid });
    },
  },

  '/wxa/getwxacodeunlimit': {
    name: 'wxacode.getUnlimited',
    answer: async (data, deps) => {
      const scene = typeof data.scene === 'string' ? data.scene : '';
      if (!/^[\x21-\x7e]{1,32}$/.test(scene)) return { errcode: 40169, errmsg: 'invalid length for scene, or the data is not json string rid: local' };
      const page = typeof data.page === 'string' && data.page ? data.page : 'pages/index/index';
      if (page.startsWith('/')) return { errcode: 41030, errmsg: 'invalid page rid: local' };
      const content = `${page}?scene=${scene}`;
      const width = Math.min(Math.max(Number(data.width) || 430, 280), 1280);
      const png = await QRCode.toBuffer(content, { errorCorrectionLevel: 'M', margin: 2, width });
      record(deps, WxCollections.codes, { page, scene, content, bytes: png.length });
      return png;
    },
  },

  '/wxa/media_check_async': {
    name: 'security.mediaCheckAsync',
    answer: (data, deps) => {
      if (data.version !== 2) return errorBody(47003, 'version must be 2');
      if (typeof data.openid !== 'string' || !data.openid) return errorBody(40003);
      if (typeof data.media_url !== 'string' || !data.media_url) return errorBody(47003, 'media_url');
      const traceId = randomUUID().replace(/-/g, '');
      const suggest = judgeImage(data.media_url, deps);
      record(deps, WxCollections.mediaChecks, { traceId, mediaUrl: data.media_url, openid: data.openid, suggest });
      pushLater(deps, { ToUserName: 'gh_local', FromUserName: data.openid, CreateTime: Math.floor(Date.now() / 1000), MsgType: 'event', Event: 'wxa_media_check', appid: 'wxlocal', trace_id: traceId, version: 2, errcode: 0, errmsg: 'ok', result: { suggest, label: suggest === 'pass' ? 100 : 20002 }, detail: [] });
      return ok({ trace_id: traceId });
    },
  },
};

/** The deterministic image rule, reading the file the URL names from the emulator's storage. */
function judgeImage(url: string, { storage }: AdminApiDeps): 'pass' | 'risky' {
  const match = /\/files\/([^?#]+)/.exec(url);
  if (!match) return 'risky';
  try {
    const cloudPath = decodeURIComponent(match[1]!);
    const bytes = readFileSync(storage.pathOf(cloudPath));
    return bytes.length <= 10 * 1024 * 1024 && imageFormatOf(bytes) && !/risky/i.test(cloudPath) ? 'pass' : 'risky';
  } catch {
    return 'risky';
  }
}

/** Delivers a message-push event after the current answer, as WeChat does some time later. */
function pushLater(deps: AdminApiDeps, event: Record<string, unknown>): void {
  const invoke = deps.invokeFunction;
  if (!invoke) return;
  setImmediate(() => {
    invoke(process.env.LINLI_WX_PUSH_FUNCTION || 'posts', event).catch(() => undefined);
  });
}

type Outcome = { answer: Answer } | { timeout: true };

/** Runs one emulated API call: a fault set through the dev route first, else the API's answer. */
async function answerCall(api: { name: string; answer: Api }, data: Record<string, unknown>, deps: AdminApiDeps): Promise<Outcome> {
  const fault = takeFault(api.name, typeof data.touser === 'string' ? data.touser : typeof data.openid === 'string' ? data.openid : undefined);
  if (fault?.errcode === 'timeout') {
    await new Promise((resolve) => setTimeout(resolve, fault.delayMs ?? 30_000));
    return { timeout: true };
  }
  return { answer: fault ? errorBody(fault.errcode as number) : await api.answer(data, deps) };
}

const TIMEOUT_REPLY = { code: 'ESOCKETTIMEDOUT', message: 'emulated timeout' };

/** Answers one `wx.api` request of node-sdk's callWxOpenApi. */
export async function handleWxApi(body: Record<string, unknown>, deps: AdminApiDeps): Promise<Record<string, unknown>> {
  const path = String(body.apiName ?? '');
  const api = apis[path];
  if (!api) return { data: { responseData: JSON.stringify({ errcode: 48001, errmsg: `api unauthorized: ${path} is not emulated rid: local` }) } };
  let data: Record<string, unknown>;
  try {
    const raw = typeof body.requestData === 'string' && body.requestData ? (JSON.parse(body.requestData) as unknown) : {};
    data = raw && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
  } catch {
    return { data: { responseData: JSON.stringify({ errcode: 47001, errmsg: 'data format error rid: local' }) } };
  }
  const outcome = await answerCall(api, data, deps);
  if ('timeout' in outcome) return TIMEOUT_REPLY;
  const { answer } = outcome;
  return { data: { responseData: Buffer.isBuffer(answer) ? answer.toString('utf8') : JSON.stringify(answer) } };
}

/**
 * Answers one `wx.openApi` request of node-sdk's callCompatibleWxOpenApi (multipart: `apiName`
 * the cloud-call name, `requestData` a protobuf CommApiData) with the raw bytes of a protobuf
 * CommOpenApiResp, or a gateway error `{ code, message }` as JSON.
 */
export async function handleWxOpenApi(fields: Record<string, string | Buffer>, deps: AdminApiDeps): Promise<Buffer | Record<string, unknown>> {
  const name = String(fields.apiName ?? '');
  const api = Object.values(apis).find((candidate) => candidate.name === name);
  const json = (body: Record<string, unknown>) => encodeCommOpenApiResp({ respData: Buffer.from(JSON.stringify(body)), contentType: 'application/json', errorCode: 0 });
  if (!api) return json({ errcode: 48001, errmsg: `api unauthorized: ${name} is not emulated rid: local` });
  const requestData = fields.requestData;
  if (!Buffer.isBuffer(requestData)) return { code: 'INVALID_PARAM', message: 'requestData must be bytes' };
  let data: Record<string, unknown>;
  try {
    data = decodeCommApiData(requestData).data;
  } catch {
    return json({ errcode: 47001, errmsg: 'data format error rid: local' });
  }
  const outcome = await answerCall(api, data, deps);
  if ('timeout' in outcome) return TIMEOUT_REPLY;
  const { answer } = outcome;
  return Buffer.isBuffer(answer) ? encodeCommOpenApiResp({ respData: answer, contentType: 'image/png', errorCode: 0 }) : json(answer);
}

/**
 * The dev side of the emulated WeChat (`wx.dev`, reached only through the host's loopback dev
 * routes): `faults` sets faults, `messages` / `codes` / `mediaChecks` list what was recorded.
 */
export function handleWxDev(body: Record<string, unknown>, deps: AdminApiDeps): Record<string, unknown> {
  const op = String(body.op ?? '');
  if (op === 'faults') return { data: { faults: setFaults(Array.isArray(body.faults) ? (body.faults as Fault[]) : []) } };
  const collection = op === 'messages' ? WxCollections.messages : op === 'codes' ? WxCollections.codes : op === 'mediaChecks' ? WxCollections.mediaChecks : null;
  if (!collection) return { code: 'INVALID_PARAM', message: `unknown wx.dev op ${op}` };
  deps.store.createCollection(collection);
  const filter = body.filter && typeof body.filter === 'object' ? (body.filter as Record<string, unknown>) : {};
  return { data: { list: deps.store.find(collection, filter, { sort: [['at', -1]], limit: 500 }) } };
}
