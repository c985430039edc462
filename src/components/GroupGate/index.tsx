import type { ReactNode } from 'react';
import { useRouter } from '@tarojs/taro';
import { ShieldCheck } from '@nutui/icons-react-taro';
import type { GroupDetail } from '../../shared/schemas/groups';
import type { MessageKey } from '../../locales';
import { call } from '../../services/cloud';
import { PageRoot } from '../PageRoot';
import { EmptyState, ErrorState, LoadingState } from '../StateView';
import { useAccount } from '../../hooks/useAccount';
import { useAsync, type AsyncState } from '../../hooks/useAsync';
import { useI18n } from '../../hooks/useI18n';
import { colors } from '../../styles/colors';

export interface GroupGateProps {
  titleKey: MessageKey;
  className?: string;
  /** The page opens when the group grants any of these abilities (from the server, never roles). */
  abilities: readonly string[];
  /** The page's content for a group it may manage; return a component so its hooks are its own. */
  children: (group: GroupDetail, detail: AsyncState<GroupDetail>) => ReactNode;
}

/**
 * The frame of every page about one group (`?id=`): loads the group, shows loading / error /
 * "not yours to manage", and renders the content only when an ability allows it.
 */
export function GroupGate({ titleKey, className, abilities, children }: GroupGateProps) {
  const { t } = useI18n();
  const groupId = useRouter().params.id ?? '';
  useAccount();
  const detail = useAsync(() => call('groups.get', { groupId }), [groupId], { enabled: groupId !== '' });
  const group = detail.data;

  const body = () => {
    if (!groupId) return <EmptyState title={t('registry.common.missingId')} />;
    if (detail.loading && !group) return <LoadingState cards={2} />;
    if (detail.error || !group) return <ErrorState message={detail.error ?? ''} code={detail.errorCode} goneTitle={t('group.gone')} onRetry={() => void detail.reload()} />;
    if (!abilities.some((ability) => group.abilities.includes(ability))) {
      return <EmptyState title={t('registry.common.noPermission')} description={t('registry.common.noPermissionHint')} icon={<ShieldCheck size={40} color={colors.decoration} />} />;
    }
    return children(group, detail);
  };

  return (
    <PageRoot titleKey={titleKey} className={className} busy={detail.loading}>
      {body()}
    </PageRoot>
  );
}
