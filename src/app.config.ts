/**
 * App configuration. The main package holds the resident pages; the leader and staff pages
 * will come as subPackages (package-leader/, package-staff/) when they exist. Static labels
 * here are the zh-CN defaults; the custom tab bar (src/components/TabBar) speaks the chosen language.
 */
import zhCN from './locales/zh-CN';

export default defineAppConfig({
  pages: [
    'pages/home/index',
    'pages/activities/index',
    'pages/me/index',
    'pages/group/index',
    'pages/community/index',
    'pages/settings/index',
    'pages/login/index',
    // Activities (resident side): detail, messages, check-in, my sign-ups, proxy consent.
    'pages/activity/index',
    'pages/inbox/index',
    'pages/checkin/index',
    'pages/my-activities/index',
    'pages/proxies/index',
  ],
  subPackages: [
    // Group leaders: founding, applications, and managing a group (loaded on first use).
    {
      root: 'package-leader',
      pages: ['found/index', 'applications/index', 'manage/index', 'edit/index', 'requests/index', 'members/index', 'post/index', 'invite/index', 'hub/index'],
    },
    // Staff of committees, streets and counties: the console (entry page), reviewing group
    // applications, the moderation queue and appeals, the audit log, dashboards, roles, roll-calls.
    { root: 'package-staff', pages: ['review/index', 'home/index', 'moderation/index', 'appeals/index', 'audit/index', 'dashboard/index', 'roles/index', 'rollcall/index', 'regions/index', 'notify-failures/index', 'notices/index'] },
    // Committee notices as a resident reads one (from the inbox, the home pin or a WeChat message).
    { root: 'package-notices', pages: ['detail/index'] },
    // Residents' less-visited pages: reporting content, and the notices about their own content.
    { root: 'package-me', pages: ['report/index', 'notices/index'] },
    // Activity organisers: post and edit, sign-ups and check-in by hand, the check-in code, cancelling.
    { root: 'package-events', pages: ['edit/index', 'roster/index', 'code/index', 'cancel/index'] },
    // Residents without a smartphone (issue 18): the proxy's residents, registering one with witnessed consent, 代办记录.
    { root: 'package-proxy', pages: ['residents/index', 'create/index', 'records/index'] },
    // Noticeboard posters of a group or an activity (leaders and organisers): canvas, album.
    { root: 'package-poster', pages: ['poster/index'] },
    // The needs board (邻里求助 / 微心愿): the board and my needs, posting (for myself or whom I act for), a need's page.
    { root: 'package-needs', pages: ['board/index', 'post/index', 'detail/index'] },
    // Volunteer service: registration, hours and their review, credits, the points store, proofs
    // (verify/ is public: a proof's reader needs no account).
    {
      root: 'package-volunteer',
      pages: [
        'register/index',
        'profile/index',
        'hours/index',
        'report/index',
        'confirm/index',
        'review/index',
        'credits/index',
        'store/index',
        'store-admin/index',
        'pool/index',
        'proofs/index',
        'issue/index',
        'verify/index',
        'rollcall/index',
      ],
    },
    // People served (关爱服务): the committee's register with consent, a person's pairings and
    // visits, and a volunteer's 我的结对 with the visit log form.
    { root: 'package-care', pages: ['list/index', 'register/index', 'person/index', 'mine/index', 'visit/index'] },
  ],
  // H5 page transitions off: Taro's H5 router (@tarojs/router dist/router/page.js) hides the page
  // left behind 350 ms after a navigation and does not cancel that when the user comes straight
  // back (show() never clears hideTimer), so a quick back left a blank screen — an e2e test
  // caught it. Without the animation the hide is immediate. The mini-program keeps WeChat's own.
  ...(process.env.TARO_ENV === 'h5' ? { animation: false } : {}),
  window: {
    backgroundTextStyle: 'dark',
    backgroundColor: '#f5f6f8',
    navigationBarBackgroundColor: '#ffffff',
    navigationBarTitleText: zhCN.app.name,
    navigationBarTextStyle: 'black',
  },
  // custom: drawn by src/custom-tab-bar (weapp) and PageRoot (H5) so its labels follow elderly
  // mode; WeChat still needs the full list to know the tab pages.
  // https://developers.weixin.qq.com/miniprogram/dev/framework/ability/custom-tabbar.html
  tabBar: {
    // WeChat takes the tab bar's colours as hex literals only; they are $ink-2 and $primary of
    // src/styles/_tokens.scss (7.0 and 5.2:1 on white: the labels are 10 px, so 4.5:1 is the bar).
    custom: true,
    color: '#4e5969',
    selectedColor: '#c2410c',
    backgroundColor: '#ffffff',
    borderStyle: 'white',
    list: [
      { pagePath: 'pages/home/index', text: zhCN.tabs.home, iconPath: 'assets/tab/home.png', selectedIconPath: 'assets/tab/home-active.png' },
      { pagePath: 'pages/activities/index', text: zhCN.tabs.activities, iconPath: 'assets/tab/activities.png', selectedIconPath: 'assets/tab/activities-active.png' },
      { pagePath: 'pages/me/index', text: zhCN.tabs.me, iconPath: 'assets/tab/me.png', selectedIconPath: 'assets/tab/me-active.png' },
    ],
  },
  // Subpackages fetched in the background once a page that leads to them is open, so the first
  // tap does not wait for a download (each page's preloads stay under WeChat's 2 MB).
  // https://developers.weixin.qq.com/miniprogram/dev/framework/subpackages/preload.html
  preloadRule: {
    // 我的 links to volunteer service, the staff console, notices, and founding a group.
    'pages/me/index': { network: 'all', packages: ['package-volunteer', 'package-staff', 'package-me', 'package-leader'] },
    // An activity leads to its organiser's pages (roster, check-in code, edit).
    'pages/activity/index': { network: 'all', packages: ['package-events'] },
    // A group leads to its leader's management pages.
    'pages/group/index': { network: 'all', packages: ['package-leader'] },
  },
  // Which pages WeChat search may index: public ones only (src/sitemap.json, copied by config/index.ts).
  sitemapLocation: 'sitemap.json',
  // PC WeChat: staff work at a desk, so the window may be resized (and rotated on tablets);
  // pages are single-column and stretch to the window (see docs/app.md, "WeChat", on rpx at desktop width).
  resizable: true,
  // Required by WeChat before privacy APIs (avatar, nickname, album, location) may run; PageRoot
  // mounts the PrivacyPopup on every page.
  __usePrivacyCheck__: true,
  // WeChat refuses wx.chooseLocation (the activity form's place picker) unless it is declared.
  requiredPrivateInfos: ['chooseLocation'],
  // What WeChat tells the user when location permission (scope.userLocation) is asked for; the
  // app picks places with chooseLocation only, and says why in its privacy guide (docs/go-live.md).
  // https://developers.weixin.qq.com/miniprogram/dev/reference/configuration/app.html#permission
  permission: { 'scope.userLocation': { desc: zhCN.app.locationPurpose } },
});
