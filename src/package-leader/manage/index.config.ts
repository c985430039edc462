import registryZhCN from '../../locales/registry.zh-CN';

export default definePageConfig({
  navigationBarTitleText: registryZhCN.titles.manage,
});
