import proxyZhCN from '../../locales/proxy.zh-CN';

export default definePageConfig({
  navigationBarTitleText: proxyZhCN.titles.records,
  backgroundTextStyle: 'dark',
  enablePullDownRefresh: true,
});
