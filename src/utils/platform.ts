/** Build-time platform flags (Taro replaces process.env.TARO_ENV, so dead branches drop out). */
export const isWeapp = process.env.TARO_ENV === 'weapp';
export const isH5 = process.env.TARO_ENV === 'h5';
