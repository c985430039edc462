import proxyEntryZhCN from '../../locales/proxy.entry.zh-CN';

export default definePageConfig({
  navigationBarTitleText: proxyEntryZhCN.titles.create,
  backgroundTextStyle: 'dark',
  enablePullDownRefresh: true,
});
