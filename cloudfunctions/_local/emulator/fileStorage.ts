/**
 * CloudBase storage on disk: files live under `<dataDir>/storage/<cloudPath>`. Uploads go to a
 * loopback-only PUT URL; downloads use signed, expiring URLs that the local cloud serves.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { copyFileSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, resolve, sep } from 'node:path';
import { DbError, DbErrorCodes } from './errors';

export interface DownloadItem {
  fileID: string;
  tempFileURL: string;
  code: string;
  message?: string;
}

const FILE_ID_PREFIX = 'cloud://local.linli/';

/**
 * Files CloudBase takes in one temporary-URL or delete request: "一次最多 50 个" (wx.cloud.getTempFileURL
 * and wx.cloud.deleteFile reference, developers.weixin.qq.com/miniprogram/dev/wxcloud/reference-client-api/storage/).
 * node-sdk sends any list as given (dist/storage/index.js), so the limit is the server's: kept here.
 */
export const MAX_FILES_PER_REQUEST = 50;

/**
 * Refuses a storage batch over CloudBase's limit before anything is done. The code is the one
 * node-sdk's own parameter checks reject with (`ERROR.INVALID_PARAM`, dist/const/code.js), so
 * the caller's promise rejects with `code: 'INVALID_PARAM'` as for any bad storage argument.
 */
export function checkFileBatch(count: number, api: 'getTempFileURL' | 'deleteFile'): void {
  if (count > MAX_FILES_PER_REQUEST) {
    throw new DbError(DbErrorCodes.invalidParam, `${api}: fileList 一次最多 ${MAX_FILES_PER_REQUEST} 个文件（收到 ${count} 个）`);
  }
}

export class FileStorage {
  private readonly root: string;
  constructor(
    dataDir: string,
    private readonly baseUrl: () => string,
    /** Signs download URLs; instances that must accept each other's URLs share it. */
    private readonly secret: Buffer = randomBytes(32),
  ) {
    this.root = resolve(dataDir, 'storage');
    mkdirSync(this.root, { recursive: true });
  }

  /** Absolute path of a cloud path, refusing anything that would escape the storage folder. */
  pathOf(cloudPath: string): string {
    const clean = cloudPath.replace(/^\/+/, '');
    const full = resolve(this.root, clean);
    if (clean.length === 0 || clean.length > 512 || !full.startsWith(this.root + sep) || clean.includes('\0')) {
      throw new Error(`invalid cloud path: ${cloudPath.slice(0, 80)}`);
    }
    return full;
  }

  /** Prepares the folder of an upload target. */
  prepareUpload(cloudPath: string): string {
    const full = this.pathOf(cloudPath);
    mkdirSync(dirname(full), { recursive: true });
    return full;
  }

  uploadMetadata(cloudPath: string) {
    this.pathOf(cloudPath);
    return {
      url: `${this.baseUrl()}/tcb/upload/${cloudPath.replace(/^\/+/, '')}`,
      token: 'local',
      authorization: 'local',
      fileId: `${FILE_ID_PREFIX}${cloudPath.replace(/^\/+/, '')}`,
      cosFileId: 'local',
    };
  }

  cloudPathOf(fileId: string): string | null {
    return fileId.startsWith(FILE_ID_PREFIX) ? fileId.slice(FILE_ID_PREFIX.length) : null;
  }

  downloadUrl(fileId: string, maxAgeSeconds: number): DownloadItem {
    const cloudPath = this.cloudPathOf(fileId);
    if (!cloudPath || !this.exists(cloudPath)) {
      return { fileID: fileId, tempFileURL: '', code: 'STORAGE_FILE_NONEXIST', message: 'file not exist' };
    }
    const expires = Date.now() + Math.min(Math.max(maxAgeSeconds, 1), 86_400) * 1000;
    // Left unencoded on purpose: the SDK's downloadFile encodes it once more.
    return {
      fileID: fileId,
      tempFileURL: `${this.baseUrl()}/files/${cloudPath}?expires=${expires}&sign=${this.sign(cloudPath, expires)}`,
      code: 'SUCCESS',
    };
  }

  /** Checks a download URL's signature and expiry. */
  verify(cloudPath: string, expires: number, sign: string): boolean {
    if (!Number.isFinite(expires) || expires < Date.now()) return false;
    const expected = Buffer.from(this.sign(cloudPath, expires));
    const given = Buffer.from(sign);
    return expected.length === given.length && timingSafeEqual(expected, given);
  }

  remove(fileId: string): { fileID: string; code: string; message?: string } {
    const cloudPath = this.cloudPathOf(fileId);
    if (!cloudPath || !this.exists(cloudPath)) return { fileID: fileId, code: 'STORAGE_FILE_NONEXIST', message: 'file not exist' };
    rmSync(this.pathOf(cloudPath));
    return { fileID: fileId, code: 'SUCCESS' };
  }

  /** Copies (or moves) a file between cloud paths. */
  copy(srcPath: string, dstPath: string, overwrite: boolean, removeOriginal: boolean): { fileId?: string; code: string; message?: string } {
    if (!this.exists(srcPath)) return { code: 'STORAGE_FILE_NONEXIST', message: 'file not exist' };
    if (!overwrite && this.exists(dstPath)) return { code: 'STORAGE_FILE_EXIST', message: 'destination exists' };
    const target = this.prepareUpload(dstPath);
    if (removeOriginal) renameSync(this.pathOf(srcPath), target);
    else copyFileSync(this.pathOf(srcPath), target);
    return { fileId: `${FILE_ID_PREFIX}${dstPath.replace(/^\/+/, '')}`, code: 'SUCCESS' };
  }

  exists(cloudPath: string): boolean {
    try {
      return statSync(this.pathOf(cloudPath)).isFile();
    } catch {
      return false;
    }
  }

  private sign(cloudPath: string, expires: number): string {
    return createHmac('sha256', this.secret).update(`${cloudPath}\n${expires}`).digest('hex').slice(0, 32);
  }
}

