import { useState } from 'react';
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button, Tag } from '@nutui/nutui-react-taro';
import { Notice } from '@nutui/icons-react-taro';
import type { CaseView } from '../../shared/schemas/moderation';
import { call } from '../../services/cloud';
import { PageRoot } from '../../components/PageRoot';
import { EmptyState, ErrorState, LoadingState } from '../../components/StateView';
import { useAccount } from '../../hooks/useAccount';
import { useAsync } from '../../hooks/useAsync';
import { useI18n } from '../../hooks/useI18n';
import { cx } from '../../utils/cx';
import { formatDateTime } from '../../utils/registryFormat';
import { paramText } from '../components/decode';
import { AppealDialog } from './AppealDialog';
import './index.scss';
import { colors } from '../../styles/colors';

const APPEAL_COLORS: Record<NonNullable<CaseView['appeal']>['state'], { background: string; color: string }> = {
  pending: { background: colors.infoSoft, color: colors.info },
  upheld: { background: colors.neutralSoft, color: colors.ink },
  overturned: { background: colors.successSoft, color: colors.success },
};

/**
 * What staff decided about my content (moderation.mine), with their reasons; one appeal per
 * decision, and how it went. An inbox notice opens this page with its case first (?id=).
 */
export default function NoticesPage() {
  const { t } = useI18n();
  useAccount();
  const focusId = paramText(useRouter().params.id);
  const mine = useAsync(() => call('moderation.mine', {}), []);
  const [appealing, setAppealing] = useState<CaseView | null>(null);

  usePullDownRefresh(() => {
    void mine.reload().finally(() => Taro.stopPullDownRefresh());
  });

  const appeal = async (text: string) => {
    if (!appealing || !mine.data) return;
    await call('moderation.appeal', { caseId: appealing.id, text });
    const appealed: CaseView = {
      ...appealing,
      appeal: { text, at: new Date().toISOString(), state: 'pending' },
      abilities: appealing.abilities.filter((ability) => ability !== 'moderation.appeal'),
    };
    mine.setData({ items: mine.data.items.map((item) => (item.id === appealed.id ? appealed : item)) });
    Taro.showToast({ title: t('moderation.notices.appealed'), icon: 'none' }).catch(() => undefined);
  };

  const body = () => {
    if (mine.loading && !mine.data) return <LoadingState cards={2} />;
    if (mine.error || !mine.data) return <ErrorState message={mine.error ?? ''} onRetry={() => void mine.reload()} />;
    if (mine.data.items.length === 0) return <EmptyState title={t('moderation.notices.empty')} description={t('moderation.notices.emptyHint')} icon={<Notice size={40} color={colors.decoration} />} />;
    // The case an inbox notice pointed at comes first.
    const items = focusId ? [...mine.data.items].sort((a, b) => Number(b.id === focusId) - Number(a.id === focusId)) : mine.data.items;
    return (
      <View className='notices__list'>
        {items.map((item) => (
          <NoticeCard key={item.id} item={item} focused={item.id === focusId} onAppeal={() => setAppealing(item)} />
        ))}
      </View>
    );
  };

  return (
    <PageRoot titleKey='moderation.titles.notices' className='notices' busy={mine.loading}>
      <View className='notices__frame'>
        <Text className='notices__intro'>{t('moderation.notices.intro')}</Text>
        {body()}
      </View>
      <AppealDialog title={appealing ? appealing.title : null} onConfirm={appeal} onClose={() => setAppealing(null)} />
    </PageRoot>
  );
}

function NoticeCard({ item, focused, onAppeal }: { item: CaseView; focused: boolean; onAppeal: () => void }) {
  const { t } = useI18n();
  const decision = item.lastDecision;
  return (
    <View className={cx('linli-card notices__item', focused && 'notices__item--focused')} data-case-id={item.id} data-state={item.state}>
      <View className='notices__head'>
        <Tag plain color={colors.ink2}>
          {t(`moderation.targets.${item.targetType}`)}
        </Tag>
        <Tag className='notices__state' background={colors.primarySoft} color={colors.primary}>
          {t(`moderation.states.${item.state}`)}
        </Tag>
      </View>
      <Text className='notices__title'>{item.title}</Text>
      {item.excerpt ? <Text className='notices__excerpt'>{item.excerpt}</Text> : null}
      {decision ? (
        <>
          <Text className='notices__decision'>{t('moderation.notices.decision', { action: t(`moderation.actions.${decision.action}`), time: formatDateTime(decision.at) })}</Text>
          <Text className='notices__reason'>{t('moderation.notices.reason', { reason: decision.reason })}</Text>
        </>
      ) : null}
      {item.appeal ? (
        <View className='notices__appeal' data-appeal={item.appeal.state}>
          <Tag className='notices__appeal-state' background={APPEAL_COLORS[item.appeal.state].background} color={APPEAL_COLORS[item.appeal.state].color}>
            {t(`moderation.appealStates.${item.appeal.state}`)}
          </Tag>
          <Text className='notices__appeal-text'>{t('moderation.notices.yourAppeal', { text: item.appeal.text })}</Text>
        </View>
      ) : null}
      {item.abilities.includes('moderation.appeal') ? (
        <View className='notices__actions'>
          <Button className='notices__appeal-button' size='small' type='primary' fill='outline' onClick={onAppeal}>
            {t('moderation.notices.appeal')}
          </Button>
        </View>
      ) : null}
    </View>
  );
}
