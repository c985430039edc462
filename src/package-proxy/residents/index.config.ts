import proxyZhCN from '../../locales/proxy.zh-CN';

export default definePageConfig({
  navigationBarTitleText: proxyZhCN.titles.residents,
  backgroundTextStyle: 'dark',
  enablePullDownRefresh: true,
});
