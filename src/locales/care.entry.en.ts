import type careEntryZhCN from './care.entry.zh-CN';

/** English twin of care.entry.zh-CN.ts. */
const careEntryEn: typeof careEntryZhCN = {
  entry: { mine: 'My pairs', register: 'Care register', registerHint: 'Residents who need regular care, pairing and visits' },
};

export default careEntryEn;
