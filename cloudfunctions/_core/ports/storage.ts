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
    if (fileIds.length === 0) return urls;
    const { fileList } = await cloudbaseApp().getTempFileURL({ fileList: fileIds.map((fileID) => ({ fileID, maxAge: this.urlSeconds })) });
    for (const item of fileList) if (item.code === 'SUCCESS') urls.set(item.fileID, item.tempFileURL);
    return urls;
  }

  async remove(fileIds: string[]): Promise<void> {
    if (fileIds.length > 0) await cloudbaseApp().deleteFile({ fileList: fileIds });
  }
}

let current: FileStore | undefined;

/** The configured file store. */
export function fileStore(): FileStore {
  // Locally URLs are short-lived on purpose: they are bearer links to personal uploads.
  current ??= new CloudBaseFileStore(platform() === 'cloudbase' ? 7200 : 3600);
  return current;
}
