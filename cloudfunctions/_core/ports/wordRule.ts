/**
 * The word-list rule of content safety: the emulated WeChat's msgSecCheck (the local cloud)
 * judges text with it against the words shipped here plus the editable `content_words`
 * collection. Pure, so the emulator and tests share it.
 */
export interface WordEntry {
  word: string;
  level: 'review' | 'risky';
  label: string;
}

/** Words shipped with the product; committees extend the list in the database. */
export const DEFAULT_WORDS: readonly WordEntry[] = [
  { word: '赌博', level: 'risky', label: 'gambling' },
  { word: '博彩', level: 'risky', label: 'gambling' },
  { word: '代开发票', level: 'risky', label: 'fraud' },
  { word: '刷单', level: 'risky', label: 'fraud' },
  { word: '传销', level: 'risky', label: 'fraud' },
  { word: '高利贷', level: 'risky', label: 'fraud' },
  { word: '毒品', level: 'risky', label: 'illegal' },
  { word: '枪支', level: 'risky', label: 'illegal' },
  { word: '加微信领红包', level: 'review', label: 'spam' },
  { word: '免费领取', level: 'review', label: 'spam' },
  { word: '保本高收益', level: 'review', label: 'fraud' },
  { word: '傻逼', level: 'review', label: 'abuse' },
  { word: '滚蛋', level: 'review', label: 'abuse' },
];

/** Case- and width-insensitive; spaces and punctuation between characters do not hide a word. */
export function normaliseText(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/[\s\u200b-\u200d\ufeff·.,，。_\-*]/g, '');
}

/** The verdict on a text: the first risky word wins, else the last review word, else pass. */
export function judgeText(text: string, words: readonly WordEntry[]): { suggest: 'pass' | 'review' | 'risky'; label: string | null } {
  const normalised = normaliseText(text);
  let result: { suggest: 'pass' | 'review' | 'risky'; label: string | null } = { suggest: 'pass', label: null };
  for (const entry of words) {
    if (!normalised.includes(normaliseText(entry.word))) continue;
    if (entry.level === 'risky') return { suggest: 'risky', label: entry.label };
    result = { suggest: 'review', label: entry.label };
  }
  return result;
}
