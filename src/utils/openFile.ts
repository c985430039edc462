/** Opening a generated file (a proof PDF, a record export) the way each platform can. */
import Taro from '@tarojs/taro';

type DocumentType = 'pdf' | 'xlsx' | 'xls' | 'docx' | 'doc';

/** The document type WeChat's openDocument needs, from the file name (a proof is a PDF). */
export function documentTypeOf(fileName: string): DocumentType {
  const extension = /\.([a-z]+)$/i.exec(fileName)?.[1]?.toLowerCase();
  return extension === 'xlsx' || extension === 'xls' || extension === 'docx' || extension === 'doc' ? extension : 'pdf';
}

/**
 * H5: a new tab (the browser shows or saves it; the link is short-lived and signed by the
 * server). weapp: download to a temp file, then WeChat's document viewer, which also offers
 * forwarding and saving. Rejects when the file cannot be fetched or opened.
 */
export async function openFile(url: string, fileName: string): Promise<void> {
  if (process.env.TARO_ENV === 'h5') {
    window.open(url, '_blank', 'noopener');
    return;
  }
  const downloaded = await Taro.downloadFile({ url });
  if (downloaded.statusCode !== 200) throw new Error(`download failed: ${downloaded.statusCode}`);
  await Taro.openDocument({ filePath: downloaded.tempFilePath, fileType: documentTypeOf(fileName), showMenu: true });
}
