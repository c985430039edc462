import '../locale';
import '../actions';
import { useRouter } from '@tarojs/taro';
import { Tips } from '@nutui/icons-react-taro';
import type { RegionTreeNode } from '../../shared/schemas/regions';
import { call } from '../../services/cloud';
import { PageRoot } from '../../components/PageRoot';
import { EmptyState, ErrorState, LoadingState } from '../../components/StateView';
import { useAccount } from '../../hooks/useAccount';
import { useAsync } from '../../hooks/useAsync';
import { useI18n } from '../../hooks/useI18n';
import { emptyGroupForm, formFromGroup } from '../components/groupForm';
import { FoundForm } from './FoundForm';
import './index.scss';
import { colors } from '../../styles/colors';

/**
 * The street of a street-level hub. The group page carries only the street's name
 * (regionName), so it is looked up by name among the streets of the tree.
 */
function streetNamed(roots: RegionTreeNode[], name: string): string | null {
  for (const county of roots) {
    const street = county.children.find((node) => node.level === 'street' && node.name === name);
    if (street) return street.id;
  }
  return null;
}

/**
 * Found a group (a resident applies; who reviews depends on the management level), or with
 * `?groupId=` correct a rejected application and send it again.
 */
export default function FoundPage() {
  const { t } = useI18n();
  const resubmitId = useRouter().params.groupId ?? '';
  const account = useAccount({ requireCommunity: true });
  const regions = useAsync(() => call('regions.tree', {}), []);
  const original = useAsync(() => call('groups.get', { groupId: resubmitId }), [resubmitId], { enabled: resubmitId !== '' });
  const titleKey = resubmitId ? 'registry.titles.resubmit' : 'registry.titles.found';

  const body = () => {
    const failed = regions.error ?? original.error ?? (account.status === 'error' ? account.error : null);
    if (failed) {
      const retry = () => {
        if (regions.error) void regions.reload();
        if (original.error) void original.reload();
        if (account.status === 'error') account.retry();
      };
      return <ErrorState message={failed} onRetry={retry} />;
    }
    const roots = regions.data?.roots;
    const me = account.me;
    if (!roots || !me || (resubmitId && !original.data)) return <LoadingState cards={3} />;
    if (resubmitId) {
      const group = original.data!;
      if (!group.abilities.includes('groups.resubmit')) {
        return <EmptyState title={t('registry.common.noPermission')} icon={<Tips size={40} color={colors.decoration} />} />;
      }
      const streetId = group.communityId === null ? streetNamed(roots, group.regionName) : null;
      return <FoundForm key={group.id} initial={formFromGroup(group, streetId)} roots={roots} resubmit={group} />;
    }
    return <FoundForm key='new' initial={emptyGroupForm(me.account.homeCommunity?.id ?? null)} roots={roots} resubmit={null} />;
  };

  return (
    <PageRoot titleKey={titleKey} className='found leader-page--with-bar'>
      {body()}
    </PageRoot>
  );
}
