import communityNoticesZhCN from '../../locales/communityNotices.zh-CN';

export default definePageConfig({
  navigationBarTitleText: communityNoticesZhCN.detail.title,
});
