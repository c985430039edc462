import { Text, View } from '@tarojs/components';
import type { DashboardOutput } from '../../shared/schemas/console';
import { useI18n } from '../../hooks/useI18n';

type Needs = NonNullable<DashboardOutput['needs']>;

/**
 * The needs board on the dashboard (issue 18): posted, taken on, done and overdue, then month by
 * month as plain bars (posted, with the done share filled) — the dashboard's own bar styles.
 */
export function NeedFigures({ needs }: { needs: Needs }) {
  const { t } = useI18n();
  const max = Math.max(1, ...needs.byMonth.map((m) => m.posted));
  const tiles: Array<[string, number]> = [
    ['posted', needs.posted],
    ['claimed', needs.claimed],
    ['fulfilled', needs.fulfilled],
    ['overdue', needs.overdue],
  ];
  return (
    <View className='linli-card dash-section dash-needs'>
      <Text className='dash-section__title'>{t('needs.dashboard.title')}</Text>
      <View className='dash-needs__tiles'>
        {tiles.map(([name, value]) => (
          <View key={name} className={`dash-needs__tile dash-needs__tile--${name}`}>
            <Text className='dash-tile__value'>{value}</Text>
            <Text className='dash-tile__label'>{t(`needs.dashboard.${name as 'posted'}`)}</Text>
          </View>
        ))}
      </View>
      <Text className='dash-section__title'>{t('needs.dashboard.byMonth')}</Text>
      {needs.byMonth.map((month) => (
        <View key={month.month} className='dash-bar dash-needs__month' data-key={month.month}>
          <Text className='dash-bar__label'>{month.month}</Text>
          <View className='dash-bar__track'>
            <View className='dash-bar__fill' style={{ width: `${(month.posted / max) * 100}%` }} />
          </View>
          <Text className='dash-bar__value'>{t('needs.dashboard.doneOf', { done: month.fulfilled, posted: month.posted })}</Text>
        </View>
      ))}
    </View>
  );
}
