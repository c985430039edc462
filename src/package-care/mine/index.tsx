import '../locale';
import '../actions';
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { call } from '../../services/cloud';
import { PageRoot } from '../../components/PageRoot';
import { pressable } from '../../components/Pressable';
import { EmptyState, ErrorState, LoadingState } from '../../components/StateView';
import { useAccount } from '../../hooks/useAccount';
import { useAsync } from '../../hooks/useAsync';
import { useI18n } from '../../hooks/useI18n';
import { chinaDay, formatDay } from '../../utils/chinaTime';
import { cx } from '../../utils/cx';
import { dueText } from '../components/dueText';
import '../components/care.scss';
import './index.scss';

/** My pairs (the volunteer's view): the people a volunteer is paired with (herself or through her group), soonest due first, each a tap from logging a visit. */
export default function CareMinePage() {
  const { t } = useI18n();
  useAccount();
  const mine = useAsync(() => call('care.myPairs', {}), []);
  const today = chinaDay();
  usePullDownRefresh(() => {
    void mine.reload().finally(() => Taro.stopPullDownRefresh());
  });
  useDidShow(() => {
    if (mine.data) void mine.reload();
  });

  const render = () => {
    if (mine.loading && !mine.data) return <LoadingState cards={2} />;
    if (mine.error || !mine.data) return <ErrorState message={mine.error ?? ''} onRetry={() => void mine.reload()} />;
    if (mine.data.items.length === 0) return <EmptyState title={t('care.mine.empty')} />;
    return (
      <View className='care-list'>
        {mine.data.items.map((item) => {
          const open = () => void Taro.navigateTo({ url: `/package-care/person/index?id=${item.recipientId}` });
          return (
            <View key={item.recipientId} className='linli-card care-card' data-id={item.recipientId}>
              <View className='care-card__head linli-pressable' onClick={open} {...pressable(open, { role: 'link' })}>
                <Text className='care-card__name'>{item.name}</Text>
                <Text className={cx('care-due', item.overdue && 'care-due--overdue')}>{dueText(t, today, item.dueDate)}</Text>
              </View>
              <Text className='care-card__line'>{t('care.mine.line', { category: t(`care.categories.${item.category}`), due: t('care.mine.due', { date: formatDay(t, item.dueDate) }) })}</Text>
              {item.address ? <Text className='care-card__line'>{item.address}</Text> : null}
              {item.phone ? <Text className='care-card__line'>{item.phone}</Text> : null}
              {item.groupName ? <Text className='care-card__line'>{t('care.mine.via', { group: item.groupName })}</Text> : null}
              <Button type='primary' className='care-mine__log' onClick={() => void Taro.navigateTo({ url: `/package-care/visit/index?id=${item.recipientId}` })}>
                {t('care.mine.log')}
              </Button>
            </View>
          );
        })}
      </View>
    );
  };

  return (
    <PageRoot titleKey='care.titles.mine' className='care-page care-mine' busy={mine.loading}>
      <Text className='care-intro'>{t('care.mine.intro')}</Text>
      {render()}
    </PageRoot>
  );
}
