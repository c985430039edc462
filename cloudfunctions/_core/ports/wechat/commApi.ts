/**
 * The wire format of CloudBase's `wx.openApi` cloud call — the one wx-server-sdk's
 * `cloud.openapi.*` uses, and the only one that carries WeChat's binary answers (images).
 *
 * Read from wx-server-sdk 4.0.2 (npm, index.js: `callWXOpenAPI`, `callGeneralOpenAPI` and the
 * generated `src/protobuf/openapi.js`):
 * - request: node-sdk `callCompatibleWxOpenApi({ apiName, requestData })` posts multipart form
 *   data (`action: 'wx.openApi'`), `requestData` a protobuf `CommApiData`
 *   `{ apiType = OPEN_API (0) = 1, openapiData = 2 { pairs = 1 [KeyValuePair { key = 1, value = 2 (bytes) }] } }`,
 *   one pair per top-level field of WeChat's JSON body, its value the JSON text of the field;
 *   `apiName` the cloud-call name (`wxacode.getUnlimited`);
 * - reply: the raw body is a protobuf `CommOpenApiResp { respData = 1 (bytes), contentType = 2,
 *   errorCode = 3 }` — WeChat's answer and its content type; a JSON gateway error
 *   (`{ code, message }`) when the call did not reach WeChat.
 * Both messages are small and fixed, so they are written with protobufjs's minimal reader and
 * writer (the library wx-server-sdk's generated code uses) rather than a generated module.
 */
import { Reader, Writer } from 'protobufjs/minimal';

const OPEN_API = 0;

/** Encodes WeChat's JSON body as the `CommApiData` of an open-API call. */
export function encodeCommApiData(data: Record<string, unknown>): Buffer {
  const pairs = Writer.create();
  for (const [key, value] of Object.entries(data)) {
    const text = JSON.stringify(value);
    if (text === undefined) continue;
    pairs.uint32(10).fork().uint32(10).string(key).uint32(18).bytes(Buffer.from(text, 'utf8')).ldelim();
  }
  const message = Writer.create().uint32(8).int32(OPEN_API).uint32(18).bytes(pairs.finish());
  return Buffer.from(message.finish());
}

/** Decodes a `CommApiData` back into WeChat's JSON body (the emulated WeChat's side). */
export function decodeCommApiData(bytes: Uint8Array): { apiType: number; data: Record<string, unknown> } {
  const reader = Reader.create(bytes);
  let apiType = OPEN_API;
  const data: Record<string, unknown> = {};
  while (reader.pos < reader.len) {
    const tag = reader.uint32();
    if (tag >>> 3 === 1) apiType = reader.int32();
    else if (tag >>> 3 === 2) readPairs(reader.bytes(), data);
    else reader.skipType(tag & 7);
  }
  return { apiType, data };
}

function readPairs(bytes: Uint8Array, into: Record<string, unknown>): void {
  const reader = Reader.create(bytes);
  while (reader.pos < reader.len) {
    const tag = reader.uint32();
    if (tag >>> 3 !== 1) {
      reader.skipType(tag & 7);
      continue;
    }
    const pair = Reader.create(reader.bytes());
    let key = '';
    let value: Uint8Array = new Uint8Array();
    while (pair.pos < pair.len) {
      const field = pair.uint32();
      if (field >>> 3 === 1) key = pair.string();
      else if (field >>> 3 === 2) value = pair.bytes();
      else pair.skipType(field & 7);
    }
    // defineProperty: a key named `__proto__` stays a field instead of replacing the prototype.
    Object.defineProperty(into, key, { value: JSON.parse(Buffer.from(value).toString('utf8')) as unknown, enumerable: true, writable: true, configurable: true });
  }
}

export interface CommOpenApiResp {
  respData: Buffer;
  contentType: string;
  errorCode: number;
}

/** Encodes WeChat's answer as a `CommOpenApiResp` (the emulated WeChat's side). */
export function encodeCommOpenApiResp({ respData, contentType, errorCode }: CommOpenApiResp): Buffer {
  const writer = Writer.create().uint32(10).bytes(respData).uint32(18).string(contentType);
  if (errorCode) writer.uint32(24).int32(errorCode);
  return Buffer.from(writer.finish());
}

/** Decodes a `CommOpenApiResp`; throws on bytes that are not one. */
export function decodeCommOpenApiResp(bytes: Uint8Array): CommOpenApiResp {
  const reader = Reader.create(bytes);
  const resp: CommOpenApiResp = { respData: Buffer.alloc(0), contentType: '', errorCode: 0 };
  while (reader.pos < reader.len) {
    const tag = reader.uint32();
    const field = tag >>> 3;
    if (field === 1) resp.respData = Buffer.from(reader.bytes());
    else if (field === 2) resp.contentType = reader.string();
    else if (field === 3) resp.errorCode = reader.int32();
    else reader.skipType(tag & 7);
  }
  return resp;
}
