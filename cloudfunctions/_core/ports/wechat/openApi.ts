/**
 * WeChat's JSON open APIs from a cloud function, one code path for CloudBase and the local cloud
 * (the image API, whose answer is binary, goes through `wx.openApi`: ./imageApi.ts).
 *
 * The call is node-sdk's `callWxOpenApi` (src/wx/index.ts of TencentCloudBase/node-sdk): one
 * admin-API request `{ action: 'wx.api', apiName, requestData: JSON.stringify(data) }`, whose
 * reply carries WeChat's answer as the string `data.responseData` (the SDK JSON-parses it into
 * `result`). Inside CloudBase the request is authorised by the function's cloud-call
 * permissions (`permissions.openapi` of its config.json); no access_token is handled here. On
 * the local cloud the same request reaches the emulator (`TCB_SERVICE_URL`), whose emulated
 * WeChat answers it (cloudfunctions/_local/wechat). See docs/wechat.md for why this and not
 * wx-server-sdk's `cloud.openapi` (`wx.openApi`, protobuf over multipart).
 */
import { cloudbaseApp } from '../../runtime/cloudbase';

/** An error WeChat (errcode) or the CloudBase gateway (code) answered. */
export class WxApiError extends Error {
  override name = 'WxApiError';
  constructor(
    readonly api: string,
    /** WeChat's errcode, or -1 for gateway and network failures. */
    readonly errcode: number,
    message: string,
  ) {
    super(`${api}: ${errcode} ${message}`);
  }
}

/**
 * An open API: its HTTPS path (what `wx.api` names) and its cloud-call name (what config.json's
 * `permissions.openapi` lists). Each port declares the APIs it calls beside the call, so a
 * bundle holds the names of exactly the APIs it can call (test/functions/openapiPermissions).
 */
export interface OpenApi {
  path: string;
  permission: string;
}

/** How long one open-API call may take; WeChat's own calls answer well within a second or two. */
export function timeoutMs(): number {
  return Number(process.env.LINLI_WX_TIMEOUT_MS) || 5000;
}

/** Calls an open API and returns WeChat's answer (parsed JSON). */
async function call(api: OpenApi, data: Record<string, unknown>): Promise<unknown> {
  let response: { result?: unknown; code?: unknown; message?: unknown };
  try {
    response = (await cloudbaseApp().callWxOpenApi({ apiName: api.path, requestData: data }, { timeout: timeoutMs() })) as typeof response;
  } catch (error) {
    const { code, message } = error as { code?: unknown; message?: unknown };
    throw new WxApiError(api.permission, -1, `${String(code ?? 'ERROR')} ${String(message ?? error)}`);
  }
  // The SDK returns a gateway error as the reply itself (`{ code, message }`) instead of throwing.
  if (response.code) throw new WxApiError(api.permission, -1, `${String(response.code)} ${String(response.message ?? '')}`);
  const { result } = response;
  if (result && typeof result === 'object' && !Buffer.isBuffer(result)) {
    const { errcode, errmsg } = result as { errcode?: unknown; errmsg?: unknown };
    if (typeof errcode === 'number' && errcode !== 0) throw new WxApiError(api.permission, errcode, String(errmsg ?? ''));
  }
  return result;
}

/** A JSON open API: the answer object (errcode 0). */
export async function callOpenApi<T>(api: OpenApi, data: Record<string, unknown>): Promise<T> {
  const result = await call(api, data);
  if (!result || typeof result !== 'object') throw new WxApiError(api.permission, -1, 'answer is not JSON');
  return result as T;
}
