/** The needs strings main-package pages use; the rest (needs.zh-CN.ts) loads with its subpackage. */
const needsEntryZhCN = {
  entry: { title: '邻里求助', hint: '发布微心愿，或帮邻居一把' },
};

export default needsEntryZhCN;
