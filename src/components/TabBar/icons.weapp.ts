/**
 * weapp: the tab icons are files of the package already — app.config.ts's tabBar.list names them
 * (WeChat needs them there) and Taro copies them to /assets/tab/ — so the tab bar shows those
 * files rather than a base64 copy of each inlined into the main package's common.js (about 10 KB
 * of its 1 MB budget, DESIGN §8). Same names as icons.ts, which H5 uses.
 */
export const tabIcons = {
  home: { icon: '/assets/tab/home.png', activeIcon: '/assets/tab/home-active.png' },
  activities: { icon: '/assets/tab/activities.png', activeIcon: '/assets/tab/activities-active.png' },
  me: { icon: '/assets/tab/me.png', activeIcon: '/assets/tab/me-active.png' },
} as const;
