/**
 * Getting a drawn poster off the screen: into the phone's album on the mini-program
 * (`canvasToTempFilePath` with the canvas 2d node, then `saveImageToPhotosAlbum` — a privacy
 * API: the page root's privacy popup answers WeChat's `onNeedPrivacyAuthorization`, and the
 * album scope `scope.writePhotosAlbum` is asked by WeChat on first use), or as a PNG download
 * in the browser. A refused album permission is told apart so the page can offer the settings.
 * Docs: https://developers.weixin.qq.com/miniprogram/dev/api/media/image/wx.saveImageToPhotosAlbum.html,
 * https://developers.weixin.qq.com/miniprogram/dev/api/canvas/wx.canvasToTempFilePath.html
 */
import Taro from '@tarojs/taro';

export type SaveOutcome = 'saved' | 'downloaded' | 'denied' | 'cancelled' | 'failed';

function errMsgOf(error: unknown): string {
  if (error && typeof error === 'object' && 'errMsg' in error) return String((error as { errMsg: unknown }).errMsg);
  return error instanceof Error ? error.message : String(error);
}

/**
 * WeChat's answers when the album scope was refused (now or before): "fail auth deny",
 * "fail auth denied", "fail:auth denied", "fail authorize no response".
 */
export function isAlbumRefusal(error: unknown): boolean {
  return /auth ?den(y|ied)|authorize/i.test(errMsgOf(error));
}

/**
 * Saves the poster. `canvas` is the canvas 2d node on the mini-program, the HTMLCanvasElement in
 * the browser. The platform is read when called (the build replaces it with a constant).
 */
export async function savePoster(canvas: unknown, fileName: string): Promise<SaveOutcome> {
  if (process.env.TARO_ENV === 'weapp') {
    let filePath: string;
    try {
      ({ tempFilePath: filePath } = await Taro.canvasToTempFilePath({ canvas: canvas as Taro.Canvas, fileType: 'png' }));
    } catch {
      return 'failed';
    }
    try {
      await Taro.saveImageToPhotosAlbum({ filePath });
      return 'saved';
    } catch (error) {
      if (isAlbumRefusal(error)) return 'denied';
      return /cancel/i.test(errMsgOf(error)) ? 'cancelled' : 'failed';
    }
  }
  try {
    const link = document.createElement('a');
    link.href = (canvas as HTMLCanvasElement).toDataURL('image/png');
    link.download = `${fileName}.png`;
    document.body.appendChild(link);
    link.click();
    link.remove();
    return 'downloaded';
  } catch {
    return 'failed';
  }
}

/** Opens the mini-program's settings, where the album permission can be turned back on. */
export async function openAlbumSettings(): Promise<boolean> {
  try {
    const { authSetting } = await Taro.openSetting();
    return authSetting['scope.writePhotosAlbum'] === true;
  } catch {
    return false;
  }
}
