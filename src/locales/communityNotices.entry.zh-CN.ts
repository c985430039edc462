/** The communityNotices strings main-package pages use; the rest (communityNotices.zh-CN.ts) loads with its subpackage. */
const communityNoticesEntryZhCN = {
  kinds: {
    water_power: '停水停电',
    health: '卫生健康',
    weather: '天气预警',
    safety: '安全提示',
    general: '社区公告',
  },
  pin: {
    label: '紧急通知',
    open: '查看详情',
    dismiss: '知道了',
    // Starts with the visible words (WCAG 2.5.3 Label in Name: a voice user says what she sees).
    dismissLabel: '知道了，关闭紧急通知：{title}',
  },
};

export default communityNoticesEntryZhCN;
