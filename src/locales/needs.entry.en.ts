/** English twin of needs.entry.zh-CN.ts. */
import type needsEntryZhCN from './needs.entry.zh-CN';

const needsEntryEn: typeof needsEntryZhCN = {
  entry: { title: 'Neighbourly help', hint: 'Post a small wish, or lend a neighbour a hand' },
};

export default needsEntryEn;
