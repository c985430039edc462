import { Text, View } from '@tarojs/components';
import type { EntryKind } from '../../shared/schemas/credits';
import { useI18n } from '../../hooks/useI18n';
import { formatDate, formatDateTime } from '../../utils/chinaTime';
import { cx } from '../../utils/cx';
import { signOf } from './format';

export interface LedgerEntry {
  id: string;
  amount: number;
  kind: EntryKind;
  memo: string;
  createdAt: string;
  expiresAt: string | null;
}

/** One line of a credit statement: what it was, when, and the signed amount (a resident's or a community's). */
export function LedgerEntryRow({ entry, label }: { entry: LedgerEntry; label?: string }) {
  const { t } = useI18n();
  return (
    <View className={cx('credits__entry', `credits__entry--${entry.kind}`)}>
      <View className='credits__entry-main'>
        <Text className='credits__kind'>{label ? `${label} · ${t(`volunteer.credits.kinds.${entry.kind}`)}` : t(`volunteer.credits.kinds.${entry.kind}`)}</Text>
        {entry.memo ? <Text className='volunteer-item__line'>{entry.memo}</Text> : null}
        <Text className='volunteer-item__line'>{formatDateTime(t, entry.createdAt)}</Text>
        {entry.expiresAt && entry.amount > 0 ? <Text className='volunteer-item__line'>{t('volunteer.credits.expiresAt', { date: formatDate(t, entry.expiresAt, { year: 'always' }) })}</Text> : null}
      </View>
      <Text className={cx('credits__amount', entry.amount < 0 && 'credits__amount--out')}>{`${signOf(entry.amount)}${entry.amount}`}</Text>
    </View>
  );
}
