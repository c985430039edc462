import volunteerZhCN from '../../locales/volunteer.zh-CN';

export default definePageConfig({
  navigationBarTitleText: volunteerZhCN.titles.proofs,
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
});
