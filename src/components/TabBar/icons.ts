/**
 * The tab icons, plain and selected (H5: bundled with the app, served beside its pages). The
 * weapp build takes icons.weapp.ts instead.
 */
import homeIcon from '../../assets/tab/home.png';
import homeActiveIcon from '../../assets/tab/home-active.png';
import activitiesIcon from '../../assets/tab/activities.png';
import activitiesActiveIcon from '../../assets/tab/activities-active.png';
import meIcon from '../../assets/tab/me.png';
import meActiveIcon from '../../assets/tab/me-active.png';

export const tabIcons = {
  home: { icon: homeIcon, activeIcon: homeActiveIcon },
  activities: { icon: activitiesIcon, activeIcon: activitiesActiveIcon },
  me: { icon: meIcon, activeIcon: meActiveIcon },
} as const;
