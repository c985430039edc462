/** Opening a generated file (a proof PDF, a record export) the way each platform can. */
import Taro from '@tarojs/taro';
import { translate } from '../locales';
import { downloadCloudFile } from '../services/cloud';
import { currentLocale } from '../stores/settings';

type DocumentType = 'pdf' | 'xlsx' | 'xls' | 'docx' | 'doc';

/** The document type WeChat's openDocument needs, from the file name (a proof is a PDF). */
export function documentTypeOf(fileName: string): DocumentType {
  const extension = /\.([a-z]+)$/i.exec(fileName)?.[1]?.toLowerCase();
  return extension === 'xlsx' || extension === 'xls' || extension === 'docx' || extension === 'doc' ? extension : 'pdf';
}

const isCloudId = (value: string | undefined): value is string => value?.startsWith('cloud://') === true;

/**
 * Opens `url` (the server's temporary link) or, in weapp, the stored file `fileId` itself.
 * `name` gives the document type by its extension; a cloud file id may stand for both (the
 * roster export passes its id as the name).
 *
 * H5: a new tab (the browser shows or saves it; the link is short-lived and signed by the
 * server). weapp: wx.cloud.downloadFile by the cloud:// id when there is one (no download domain
 * to allow-list), else the link with Taro.downloadFile; then WeChat's document viewer, which
 * also offers forwarding and saving.
 *
 * A failure shows its own toast ("the file could not be opened"), so no caller can forget to
 * tell the user, and resolves false; never rejects.
 */
export async function openFile(url: string, name: string, fileId?: string): Promise<boolean> {
  if (process.env.TARO_ENV === 'h5') {
    window.open(url, '_blank', 'noopener');
    return true;
  }
  try {
    const id = isCloudId(fileId) ? fileId : isCloudId(name) ? name : isCloudId(url) ? url : null;
    let filePath: string;
    if (id) {
      filePath = await downloadCloudFile(id);
    } else {
      const downloaded = await Taro.downloadFile({ url });
      if (downloaded.statusCode !== 200) throw new Error(`download failed: ${downloaded.statusCode}`);
      filePath = downloaded.tempFilePath;
    }
    await Taro.openDocument({ filePath, fileType: documentTypeOf(name), showMenu: true });
    return true;
  } catch (error) {
    console.warn('openFile failed', error);
    Taro.showToast({ title: translate(currentLocale(), 'files.openFailed'), icon: 'none', duration: 3000 }).catch(() => undefined);
    return false;
  }
}
