/**
 * Whether Taro.chooseImage failed because the person closed the picker. WeChat rejects with
 * `{ errMsg: 'chooseImage:fail cancel' }` (https://developers.weixin.qq.com/miniprogram/dev/api/media/image/wx.chooseImage.html,
 * the fail callback's errMsg); Taro's H5 picker rejects with `{ errMsg: 'cancel' }` on the file
 * input's cancel event (@tarojs/taro-h5 dist/api/media/video/chooseMedia.js, `el.oncancel`).
 */
export function isPickerCancel(error: unknown): boolean {
  const message = error instanceof Error ? error.message : typeof error === 'object' && error !== null && 'errMsg' in error ? String(error.errMsg) : '';
  return /cancel/i.test(message);
}
