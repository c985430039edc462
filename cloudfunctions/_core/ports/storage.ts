/**
 * File storage. Both implementations speak the CloudBase storage API through node-sdk: on
 * CloudBase it is the real storage; locally the emulator keeps files under the data folder
 * and serves them over signed URLs. Only the temporary-URL lifetime differs by platform.
 */
import { cloudbaseApp } from '../runtime/cloudbase';
import { platform } from './platform';

export interface FileStore {
  upload(cloudPath: string, content: Buffer): Promise<string>;
  /** The bytes of a stored file (an uploaded spreadsheet to import). */
  download(fileId: string): Promise<Buffer>;
  temporaryUrls(fileIds: string[]): Promise<Map<string, string>>;
  remove(fileIds: string[]): Promise<void>;
}

/**
 * Files per storage request. CloudBase answers at most 50 temporary URLs per `getTempFileURL`
 * and deletes at most 50 files per `deleteFile` ("一次最多 50 个": wx.cloud.getTempFileURL /
 * deleteFile reference, developers.weixin.qq.com/miniprogram/dev/wxcloud/reference-client-api/storage/);
 * node-sdk (dist/storage/index.js) sends the whole list in one `storage.batchGetDownloadUrl` /
 * `storage.batchDeleteFile` request and leaves the limit to the server, so longer lists are split here.
 */
export const FILES_PER_STORAGE_REQUEST = 50;

/** `items` in consecutive batches of at most `size`. */
export function inBatches<T>(items: readonly T[], size: number): T[][] {
  const batches: T[][] = [];
  for (let start = 0; start < items.length; start += size) batches.push(items.slice(start, start + size));
  return batches;
}

class CloudBaseFileStore implements FileStore {
  constructor(private readonly urlSeconds: number) {}

  async upload(cloudPath: string, content: Buffer): Promise<string> {
    const { fileID } = await cloudbaseApp().uploadFile({ cloudPath, fileContent: content });
    if (!fileID) throw new Error(`upload of ${cloudPath} returned no file id`);
    return fileID;
  }

  async download(fileId: string): Promise<Buffer> {
    // node-sdk downloadFile without tempFilePath answers the content as a Buffer (storage docs, "downloadFile").
    const { fileContent } = await cloudbaseApp().downloadFile({ fileID: fileId });
    if (!fileContent) throw new Error(`download of ${fileId} returned no content`);
    return Buffer.isBuffer(fileContent) ? fileContent : Buffer.from(fileContent);
  }

  async temporaryUrls(fileIds: string[]): Promise<Map<string, string>> {
    const urls = new Map<string, string>();
    // A page may show one image several times: each file is asked for once.
    const unique = [...new Set(fileIds)];
    // The batches go at once: one round trip's latency whatever the count.
    const replies = await Promise.all(
      inBatches(unique, FILES_PER_STORAGE_REQUEST).map((batch) => cloudbaseApp().getTempFileURL({ fileList: batch.map((fileID) => ({ fileID, maxAge: this.urlSeconds })) })),
    );
    for (const { fileList } of replies) for (const item of fileList) if (item.code === 'SUCCESS') urls.set(item.fileID, item.tempFileURL);
    return urls;
  }

  async remove(fileIds: string[]): Promise<void> {
    await Promise.all(inBatches([...new Set(fileIds)], FILES_PER_STORAGE_REQUEST).map((batch) => cloudbaseApp().deleteFile({ fileList: batch })));
  }
}

let current: FileStore | undefined;

/** The configured file store. */
export function fileStore(): FileStore {
  // Locally URLs are short-lived on purpose: they are bearer links to personal uploads.
  current ??= new CloudBaseFileStore(platform() === 'cloudbase' ? 7200 : 3600);
  return current;
}
