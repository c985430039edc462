/**
 * The `wx.openApi` wire format (wx-server-sdk 4.0.2's generated protobuf/openapi.js): our
 * encoder's bytes must decode field by field as that code reads them, for any JSON body.
 */
import fc from 'fast-check';
import { decodeCommApiData, decodeCommOpenApiResp, encodeCommApiData, encodeCommOpenApiResp } from '../../cloudfunctions/_core/ports/wechat/commApi';

test('CommApiData: apiType OPEN_API (field 1 = 0) and one key/value pair per field, the value its JSON text', () => {
  const bytes = encodeCommApiData({ page: 'pages/a', width: 430 });
  // field 1 varint 0, then field 2 (length-delimited) holding pairs (field 1) of key (1) and value (2)
  expect([...bytes.subarray(0, 3)]).toEqual([0x08, 0x00, 0x12]);
  expect(bytes.includes(Buffer.from('"pages/a"'))).toBe(true);
  expect(bytes.includes(Buffer.from('430'))).toBe(true);
  expect(decodeCommApiData(bytes)).toEqual({ apiType: 0, data: { page: 'pages/a', width: 430 } });
});

test('CommApiData round-trips any JSON body (property)', () => {
  const key = fc.string({ minLength: 1, maxLength: 20 });
  fc.assert(
    fc.property(fc.dictionary(key, fc.jsonValue({ maxDepth: 3 })), (body) => {
      const normalised = JSON.parse(JSON.stringify(body)) as Record<string, unknown>;
      expect(decodeCommApiData(encodeCommApiData(normalised)).data).toEqual(normalised);
    }),
    { numRuns: 300 },
  );
});

test('CommOpenApiResp: bytes, content type and error code round-trip; fields 1, 2, 3 with the documented wire types', () => {
  const respData = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0xff, 0x00, 0x80]);
  const bytes = encodeCommOpenApiResp({ respData, contentType: 'image/png', errorCode: 0 });
  expect(bytes[0]).toBe(0x0a); // field 1, length-delimited
  expect(decodeCommOpenApiResp(bytes)).toEqual({ respData, contentType: 'image/png', errorCode: 0 });
  const failed = encodeCommOpenApiResp({ respData: Buffer.alloc(0), contentType: '', errorCode: -604101 });
  expect(decodeCommOpenApiResp(failed).errorCode).toBe(-604101);
  expect(() => decodeCommOpenApiResp(Buffer.from([0x0a, 0x05, 0x01]))).toThrow();
});
