/**
 * Reads a multipart/form-data admin request (node-sdk sends `wx.openApi` calls that way: its
 * request-core appends every parameter to a `form-data` body; `requestData` is a Buffer, sent
 * as an `application/octet-stream` part without a file name). busboy 1.6 takes such a part, like
 * any part with a file name, as a file (lib/types/multipart.js), so its bytes stay bytes; the
 * rest are text fields.
 */
import busboy from 'busboy';

export type FormFields = Record<string, string | Buffer>;

export function isMultipart(contentType: string | undefined): boolean {
  return /^multipart\/form-data\b/i.test(contentType ?? '');
}

export function readMultipart(contentType: string, body: Buffer): Promise<FormFields> {
  return new Promise((resolve, reject) => {
    const fields: FormFields = {};
    const parser = busboy({ headers: { 'content-type': contentType } });
    parser.on('field', (name, value) => (fields[name] = value));
    parser.on('file', (name, stream) => {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => (fields[name] = Buffer.concat(chunks)));
    });
    parser.on('close', () => resolve(fields));
    parser.on('error', reject);
    parser.end(body);
  });
}
