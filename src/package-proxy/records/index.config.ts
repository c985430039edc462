import proxyEntryZhCN from '../../locales/proxy.entry.zh-CN';

export default definePageConfig({
  navigationBarTitleText: proxyEntryZhCN.titles.records,
  backgroundTextStyle: 'dark',
  enablePullDownRefresh: true,
});
