/**
 * Choosing a spreadsheet (.xlsx or .csv) to import, the way each platform can: weapp has no
 * file system picker, only files from a chat (wx.chooseMessageFile — staff forward the file to
 * themselves, e.g. to 文件传输助手); the browser has a file input. Taro's H5 build does not
 * implement chooseMessageFile, so H5 opens an <input type="file"> itself.
 */
import Taro from '@tarojs/taro';

export interface ChosenSpreadsheet {
  name: string;
  size: number;
  /** weapp: the temporary path, uploaded to storage before the import. */
  path?: string;
  /** H5: the bytes, sent inline as base64 (the local cloud's upload takes images only). */
  base64?: string;
}

const EXTENSIONS = ['xlsx', 'csv'];

/** Base64 of bytes, in chunks (String.fromCharCode takes a bounded number of arguments). */
export function base64Of(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

function chooseInBrowser(): Promise<ChosenSpreadsheet | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = '.xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv';
    input.style.display = 'none';
    const done = (value: ChosenSpreadsheet | null) => {
      input.remove();
      resolve(value);
    };
    input.addEventListener('cancel', () => done(null));
    input.addEventListener('change', () => {
      const file = input.files?.[0];
      if (!file) return done(null);
      file
        .arrayBuffer()
        .then((buffer) => done({ name: file.name, size: file.size, base64: base64Of(new Uint8Array(buffer)) }))
        .catch(() => done(null));
    });
    document.body.appendChild(input);
    input.click();
  });
}

/** Lets the user choose one spreadsheet; null when they cancel. */
export async function chooseSpreadsheet(): Promise<ChosenSpreadsheet | null> {
  if (process.env.TARO_ENV !== 'weapp') return chooseInBrowser();
  try {
    // https://developers.weixin.qq.com/miniprogram/dev/api/media/image/wx.chooseMessageFile.html
    const { tempFiles } = await Taro.chooseMessageFile({ count: 1, type: 'file', extension: EXTENSIONS });
    const file = tempFiles[0];
    return file ? { name: file.name, size: file.size, path: file.path } : null;
  } catch {
    // Cancelled (chooseMessageFile:fail cancel) or not allowed: nothing was chosen.
    return null;
  }
}
