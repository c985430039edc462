import registryZhCN from '../../locales/registry.zh-CN';

export default definePageConfig({
  navigationBarTitleText: registryZhCN.titles.review,
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
});
