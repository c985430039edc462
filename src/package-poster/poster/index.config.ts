import zhCN from '../../locales/zh-CN';

export default definePageConfig({
  navigationBarTitleText: zhCN.poster.title,
});
