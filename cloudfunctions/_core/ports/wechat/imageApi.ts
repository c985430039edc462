/**
 * WeChat's image open API (wxacode.getUnlimited) from a cloud function. WeChat answers the PNG
 * itself, which the JSON `wx.api` bridge (./openApi.ts) cannot carry: its `responseData` is a
 * string. So this one call goes the way wx-server-sdk's `cloud.openapi.wxacode.getUnlimited`
 * goes on CloudBase — node-sdk `callCompatibleWxOpenApi` (`wx.openApi`, protobuf over multipart,
 * raw reply; ./commApi.ts) — and the local cloud's emulated WeChat answers that same protocol.
 * Only the bundles that make codes import this module (and protobufjs with it).
 */
import { cloudbaseApp } from '../../runtime/cloudbase';
import { decodeCommOpenApiResp, encodeCommApiData, type CommOpenApiResp } from './commApi';
import { timeoutMs, WxApiError, type OpenApi } from './openApi';

/** Calls an image API and returns the image bytes; WeChat's errcodes and gateway errors throw. */
export async function callImageApi(api: OpenApi, data: Record<string, unknown>): Promise<Buffer> {
  let reply: unknown;
  try {
    reply = await cloudbaseApp().callCompatibleWxOpenApi({ apiName: api.permission, requestData: encodeCommApiData(data) }, { timeout: timeoutMs() });
  } catch (error) {
    const { code, message } = error as { code?: unknown; message?: unknown };
    throw new WxApiError(api.permission, -1, `${String(code ?? 'ERROR')} ${String(message ?? error)}`);
  }
  const resp = commOpenApiRespOf(api, reply);
  if (resp.errorCode) throw new WxApiError(api.permission, resp.errorCode, 'WeChat system error');
  // WeChat answers errors as JSON (sometimes labelled text/plain, as wx-server-sdk notes).
  if (/application\/json|text\/plain/.test(resp.contentType)) {
    let answer: { errcode?: unknown; errmsg?: unknown };
    try {
      answer = JSON.parse(resp.respData.toString('utf8')) as typeof answer;
    } catch {
      throw new WxApiError(api.permission, -1, 'answer is not an image');
    }
    throw new WxApiError(api.permission, typeof answer.errcode === 'number' ? answer.errcode : -1, String(answer.errmsg ?? 'no image'));
  }
  if (resp.respData.length === 0) throw new WxApiError(api.permission, -1, 'empty answer');
  return resp.respData;
}

/** The reply as wx-server-sdk reads it: protobuf bytes, or a gateway error as JSON (object or bytes). */
function commOpenApiRespOf(api: OpenApi, reply: unknown): CommOpenApiResp {
  if (Buffer.isBuffer(reply)) {
    const gateway = gatewayErrorOf(reply);
    if (gateway) throw new WxApiError(api.permission, -1, gateway);
    try {
      return decodeCommOpenApiResp(reply);
    } catch (error) {
      throw new WxApiError(api.permission, -1, `unreadable answer: ${String(error)}`);
    }
  }
  const { code, message } = (reply ?? {}) as { code?: unknown; message?: unknown };
  throw new WxApiError(api.permission, -1, `${String(code ?? 'ERROR')} ${String(message ?? 'no answer')}`);
}

/** A JSON body `{ code, message }` from the CloudBase gateway instead of WeChat's answer. */
function gatewayErrorOf(bytes: Buffer): string | null {
  if (bytes[0] !== 0x7b) return null; // '{' — a protobuf CommOpenApiResp starts with field 1's tag (0x0a)
  try {
    const { code, message } = JSON.parse(bytes.toString('utf8')) as { code?: unknown; message?: unknown };
    return code ? `${String(code)} ${String(message ?? '')}` : null;
  } catch {
    return null;
  }
}
