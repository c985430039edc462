import needsZhCN from '../../locales/needs.zh-CN';

export default definePageConfig({
  navigationBarTitleText: needsZhCN.titles.detail,
});
