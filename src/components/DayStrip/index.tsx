import { useMemo } from 'react';
import { useI18n } from '../../hooks/useI18n';
import { chinaDay, chinaDaysFrom, dayLabel, shortDate } from '../../utils/chinaTime';
import { Chips, type ChipOption } from '../Chips';

/** How many days the strip offers, today included. */
export const STRIP_DAYS = 14;

export interface DayStripProps {
  /** A China day 'YYYY-MM-DD', or null for everything upcoming. */
  value: string | null;
  onChange: (day: string | null) => void;
  /** Injected in tests; the strip starts at the China day of this instant. */
  now?: number;
}

/** "All upcoming", then today and the next 13 days (China time) as two-line chips. */
export function DayStrip({ value, onChange, now }: DayStripProps) {
  const { t } = useI18n();
  const today = chinaDay(now ?? Date.now());
  const options = useMemo<Array<ChipOption<string | null>>>(
    () => [
      { key: 'all', value: null, label: t('events.list.allDays'), sub: t('events.list.allDaysSub') },
      ...chinaDaysFrom(`${today}T12:00:00+08:00`, STRIP_DAYS).map((day) => ({ key: day, value: day, label: dayLabel(t, day, today), sub: shortDate(day) })),
    ],
    [t, today],
  );
  return <Chips className='linli-day-strip' options={options} value={value} onChange={onChange} />;
}
