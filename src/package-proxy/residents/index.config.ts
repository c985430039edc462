import proxyEntryZhCN from '../../locales/proxy.entry.zh-CN';

export default definePageConfig({
  navigationBarTitleText: proxyEntryZhCN.titles.residents,
  backgroundTextStyle: 'dark',
  enablePullDownRefresh: true,
});
