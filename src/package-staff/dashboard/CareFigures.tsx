import { Text, View } from '@tarojs/components';
import type { CareFigures as Figures } from '../../shared/schemas/care';
import { useI18n } from '../../hooks/useI18n';

/**
 * The dashboard's care figures (issue 18 item 6): people in care, visited on time or overdue, by
 * community, and the visits of the last six months on time and late. Counts only: no names.
 */
export function CareFigures({ care }: { care: Figures }) {
  const { t } = useI18n();
  const max = Math.max(1, ...care.byMonth.map((m) => m.visits));
  return (
    <View className='linli-card dash-section dash-care'>
      <Text className='dash-section__title'>{t('care.dashboard.title')}</Text>
      <View className='dash-tiles dash-care__tiles'>
        {(
          [
            ['care.dashboard.inCare', care.inCare, 'in-care'],
            ['care.dashboard.onTime', care.onTime, 'on-time'],
            ['care.dashboard.overdue', care.overdue, 'overdue'],
          ] as const
        ).map(([key, value, name]) => (
          <View key={name} className={`dash-tile dash-care__tile dash-care__tile--${name}`}>
            <Text className='dash-tile__value'>{value}</Text>
            <Text className='dash-tile__label'>{t(key)}</Text>
          </View>
        ))}
      </View>
      <Text className='dash-section__title'>{t('care.dashboard.byMonth')}</Text>
      {care.byMonth.map((month) => (
        <View key={month.month} className='dash-bar dash-care__month' data-key={month.month}>
          <Text className='dash-bar__label'>{month.month}</Text>
          <View className='dash-bar__track'>
            <View className='dash-bar__fill' style={{ width: `${(month.visits / max) * 100}%` }} />
          </View>
          <Text className='dash-bar__value'>{t('care.dashboard.monthLine', { visits: month.visits, onTime: month.onTime, late: month.late })}</Text>
        </View>
      ))}
      {care.byCommunity.length === 0 ? (
        <Text className='staff-intro'>{t('care.dashboard.none')}</Text>
      ) : (
        <View className='staff-table dash-table dash-care__table'>
          <View className='staff-table__row staff-table__head'>
            <Text className='staff-table__cell staff-table__cell--main'>{t('care.dashboard.community')}</Text>
            <Text className='staff-table__cell'>{t('care.dashboard.inCare')}</Text>
            <Text className='staff-table__cell'>{t('care.dashboard.onTime')}</Text>
            <Text className='staff-table__cell'>{t('care.dashboard.overdue')}</Text>
          </View>
          {care.byCommunity.map((row) => (
            <View key={row.id} className='staff-table__row dash-care__row' data-region-id={row.id}>
              <Text className='staff-table__cell staff-table__cell--main'>{row.name}</Text>
              <Text className='staff-table__cell'>{row.inCare}</Text>
              <Text className='staff-table__cell'>{row.onTime}</Text>
              <Text className='staff-table__cell'>{row.overdue}</Text>
            </View>
          ))}
        </View>
      )}
    </View>
  );
}
