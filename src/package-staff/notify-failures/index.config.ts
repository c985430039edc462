import noticesZhCN from '../../locales/notices.zh-CN';

export default definePageConfig({
  navigationBarTitleText: noticesZhCN.failures.title,
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
});
