/** The care strings main-package pages use (我的 links); the rest (care.zh-CN.ts) loads with package-care. */
const careEntryZhCN = {
  entry: { mine: '我的结对', register: '关爱名册', registerHint: '需要定期关爱的居民、结对和探访' },
};

export default careEntryZhCN;
