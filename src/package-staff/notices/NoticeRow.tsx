/** One notice in the staff list: its state, validity, read count on request, and what staff may do with it. */
import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { Button, Tag } from '@nutui/nutui-react-taro';
import type { NoticeReadCounts, NoticeView } from '../../shared/schemas/notices';
import { call } from '../../services/cloud';
import { errorMessage } from '../../hooks/useAsync';
import { useI18n } from '../../hooks/useI18n';
import { formatDateTime } from '../../utils/chinaTime';
import { colors } from '../../styles/colors';

export interface NoticeRowProps {
  notice: NoticeView;
  onEdit: (notice: NoticeView) => void;
  onWithdraw: (notice: NoticeView) => void;
}

/** Read by how many of the community's residents, as a whole percentage. */
function percentOf(counts: NoticeReadCounts): number {
  return counts.residents > 0 ? Math.round((counts.read / counts.residents) * 100) : 0;
}

export function NoticeRow({ notice, onEdit, onWithdraw }: NoticeRowProps) {
  const { t } = useI18n();
  const [counts, setCounts] = useState<NoticeReadCounts | null>(null);
  const [countError, setCountError] = useState<string | null>(null);
  const loadCounts = async () => {
    setCountError(null);
    try {
      setCounts(await call('notices.readCounts', { noticeId: notice.id }));
    } catch (error) {
      setCountError(errorMessage(error));
    }
  };
  const can = (ability: string) => notice.abilities.includes(ability);
  return (
    <View className='linli-card notices-staff__row' data-notice-id={notice.id}>
      <View className='notices-staff__row-head'>
        <Text className='notices-staff__row-title'>{notice.title}</Text>
        <Tag className={`notices-staff__status notices-staff__status--${notice.status}`} background={notice.status === 'published' ? colors.primarySoft : colors.fill} color={notice.status === 'published' ? colors.primary : colors.ink2}>
          {t(`communityNotices.staff.status.${notice.status}`)}
        </Tag>
      </View>
      <Text className='notices-staff__row-meta'>
        {[t(`communityNotices.kinds.${notice.kind}`), notice.urgent ? t('communityNotices.urgent') : null, notice.live || notice.status !== 'published' ? t('communityNotices.validUntil', { time: formatDateTime(t, notice.validUntil) }) : t('communityNotices.expired')]
          .filter(Boolean)
          .join(t('common.separator'))}
      </Text>
      <Text className='notices-staff__row-body'>{notice.body}</Text>
      {notice.imagePending ? <Text className='notices-staff__row-meta'>{t('communityNotices.staff.imagePending')}</Text> : null}
      {notice.withdrawReason ? <Text className='notices-staff__row-meta'>{t('communityNotices.staff.withdrawnReason', { reason: notice.withdrawReason })}</Text> : null}
      {counts ? (
        <View className='notices-staff__reads' role='status'>
          <Text>{t('communityNotices.staff.reads', { read: counts.read, residents: counts.residents, percent: percentOf(counts) })}</Text>
        </View>
      ) : null}
      {countError ? <Text className='notices-staff__failure'>{countError}</Text> : null}
      <View className='notices-staff__actions'>
        {can('notices.readCounts') && notice.status !== 'draft' ? (
          <Button className='notices-staff__show-reads' fill='outline' onClick={() => void loadCounts()}>
            {t('communityNotices.staff.showReads')}
          </Button>
        ) : null}
        {can('notices.update') ? (
          <Button className='notices-staff__edit' fill='outline' onClick={() => onEdit(notice)}>
            {t('communityNotices.staff.edit')}
          </Button>
        ) : null}
        {can('notices.withdraw') ? (
          <Button className='notices-staff__withdraw' type='danger' fill='outline' onClick={() => onWithdraw(notice)}>
            {t('communityNotices.staff.withdraw')}
          </Button>
        ) : null}
      </View>
    </View>
  );
}
