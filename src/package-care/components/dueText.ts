import type { Translate } from '../../locales';

/** Whole days from `today` to `day` (YYYY-MM-DD; negative when past). */
export function daysUntil(today: string, day: string): number {
  return Math.round((Date.parse(`${day}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
}

/** "还有 3 天" / "今天到期" / "已逾期 2 天" for a due day. */
export function dueText(t: Translate, today: string, dueDate: string): string {
  const days = daysUntil(today, dueDate);
  if (days > 0) return t('care.mine.daysLeft', { days });
  if (days === 0) return t('care.mine.dueToday');
  return t('care.mine.overdue', { days: -days });
}
