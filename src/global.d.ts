/// <reference types="@tarojs/taro" />

declare module '*.png' {
  const src: string;
  export default src;
}
declare module '*.svg' {
  const src: string;
  export default src;
}
declare module '*.css';
// NutUI icons' configure() from its own file (src/app.ts): every other import from the package
// becomes an icon's file in the build (config/babel-nutui-icons-import.js says why).
declare module '@nutui/icons-react-taro/dist/es/icons/configure.js' {
  export { configure } from '@nutui/icons-react-taro';
}
declare module '*.scss';

declare namespace NodeJS {
  interface ProcessEnv {
    TARO_ENV: 'weapp' | 'h5';
    /** CloudBase environment id for Taro.cloud.init (weapp); empty = the default environment. */
    TARO_APP_CLOUD_ENV?: string;
    /** Origin of the local cloud's HTTP face for the H5 build; empty = same origin. */
    TARO_APP_API_BASE?: string;
    /** Subscribe-message template ids of the sign-up prompt (weapp); empty = no prompt. */
    TARO_APP_TMPL_REMINDER?: string;
    TARO_APP_TMPL_OFFER?: string;
    /** package.json version, injected by config/index.ts. */
    TARO_APP_VERSION?: string;
  }
}
