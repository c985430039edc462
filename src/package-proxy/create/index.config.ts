import proxyZhCN from '../../locales/proxy.zh-CN';

export default definePageConfig({
  navigationBarTitleText: proxyZhCN.titles.create,
  backgroundTextStyle: 'dark',
  enablePullDownRefresh: true,
});
