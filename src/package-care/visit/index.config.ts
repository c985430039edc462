import careZhCN from '../../locales/care.zh-CN';

export default definePageConfig({
  navigationBarTitleText: careZhCN.titles.visit,
});
