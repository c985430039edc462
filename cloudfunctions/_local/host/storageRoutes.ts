/**
 * The local cloud's file storage over HTTP: uploads to the URLs the database hands out
 * (`PUT /tcb/upload/<path>`), signed downloads (`GET /files/<path>`) and the H5 app's own
 * uploads (`POST /api/files`, what `wx.cloud.uploadFile` is in WeChat).
 */
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream, renameSync, statSync, writeFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { pipeline } from 'node:stream/promises';
import { imageFormatOf } from '../../_core/ports/imageCheck';
import type { FileStorage } from '../emulator/fileStorage';
import { BodyTooLarge, mimeOf, readBody, sendJson } from './http';

const UPLOAD_LIMIT = 20 * 1024 * 1024;

/** Stores the body at an upload URL the database handed out (as COS answers, errors in XML). */
export async function upload(req: IncomingMessage, res: ServerResponse, storage: FileStorage, cloudPath: string): Promise<void> {
  let target: string;
  try {
    target = storage.prepareUpload(cloudPath);
  } catch {
    res.writeHead(400).end('<Error><Code>InvalidPath</Code><Message>invalid path</Message><RequestId>local</RequestId><TraceId>local</TraceId></Error>');
    return;
  }
  let size = 0;
  req.on('data', (chunk: Buffer) => {
    size += chunk.length;
    if (size > UPLOAD_LIMIT) req.destroy(new BodyTooLarge('upload too large'));
  });
  const temp = `${target}.uploading`;
  await pipeline(req, createWriteStream(temp));
  renameSync(temp, target);
  res.writeHead(200).end();
}

/** Sends a stored file to whoever holds a valid signed URL of it; 404 otherwise. */
export async function download(req: IncomingMessage, res: ServerResponse, storage: FileStorage, url: URL): Promise<void> {
  const cloudPath = decodeURIComponent(url.pathname.slice('/files/'.length));
  const ok = storage.verify(cloudPath, Number(url.searchParams.get('expires')), url.searchParams.get('sign') ?? '') && storage.exists(cloudPath);
  if (!ok) return void res.writeHead(404).end();
  const file = storage.pathOf(cloudPath);
  res.writeHead(200, { 'content-type': mimeOf(file), 'content-length': statSync(file).size, 'cache-control': 'private, max-age=600' });
  if (req.method === 'HEAD') return void res.end();
  await pipeline(createReadStream(file), res);
}

/**
 * H5 uploads (images for posts, covers, avatars): what `wx.cloud.uploadFile` is in WeChat.
 * Signed-in users only (`openid` from their session); images only; stored under the user's
 * own folder. Answers the file id.
 */
export async function uploadForUser(req: IncomingMessage, res: ServerResponse, storage: FileStorage, openid: string | null, url: URL): Promise<void> {
  if (!openid) return sendJson(res, 401, { ok: false, error: { code: 'UNAUTHENTICATED', message: '请先登录' } });
  let bytes: Buffer;
  try {
    bytes = await readBody(req, UPLOAD_LIMIT);
  } catch {
    return sendJson(res, 400, { ok: false, error: { code: 'INVALID_INPUT', message: '图片不能超过 20 MB' } });
  }
  const format = imageFormatOf(bytes);
  if (!format) return sendJson(res, 400, { ok: false, error: { code: 'INVALID_INPUT', message: '只能上传 PNG、JPEG、GIF 或 WebP 图片' } });
  const folder = createHash('sha256').update(openid).digest('hex').slice(0, 16);
  const kind = /^[a-z]{1,20}$/.test(url.searchParams.get('kind') ?? '') ? url.searchParams.get('kind')! : 'uploads';
  const cloudPath = `${kind}/${folder}/${randomBytes(12).toString('hex')}.${format === 'jpeg' ? 'jpg' : format}`;
  writeFileSync(storage.prepareUpload(cloudPath), bytes);
  sendJson(res, 200, { ok: true, data: { fileID: storage.uploadMetadata(cloudPath).fileId } });
}
