/** The proxy strings main-package pages use; the rest (proxy.zh-CN.ts) loads with its subpackage. */
const proxyEntryZhCN = {
  titles: {
    residents: '我代办的居民',
    create: '登记无智能手机的居民',
    records: '代办记录',
  },
  claim: {
    title: '认领我的账号',
    hint: '如果社区或家人为你登记过账号，请输入他们给你的 8 位认领码。认领后，你的报名和代办记录都会保留。',
    label: '8 位认领码',
    placeholder: '输入 8 位数字',
    submit: '认领账号',
    done: '认领成功，欢迎你，{name}',
  },
  birthYear: {
    title: '请填写出生年份',
    hint: '本活动有年龄要求，需要知道{name}的出生年份。',
    self: '你',
    label: '出生年份',
    placeholder: '如：1950',
    submit: '保存并报名',
  },
  proxyActions: {
    confirmOffer: '代确认空位',
    checkin: '代签到',
  },
};

export default proxyEntryZhCN;
