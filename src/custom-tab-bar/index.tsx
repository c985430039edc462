/**
 * weapp: WeChat renders this component as the tab bar of every tab page (tabBar.custom in
 * app.config.ts; Taro compiles src/custom-tab-bar as that component, see
 * @tarojs/webpack5-runner MiniPlugin getTabBarFiles). The tab showing is what the tab page
 * recorded in currentTabStore when it was shown.
 */
import { TabBar } from '../components/TabBar';
import { useStore } from '../stores/createStore';
import { currentTabStore } from '../stores/tabBar';

export default function CustomTabBar() {
  const current = useStore(currentTabStore);
  return <TabBar current={current} />;
}
