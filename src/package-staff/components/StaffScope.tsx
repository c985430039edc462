import { useState, type ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import { ShieldCheck } from '@nutui/icons-react-taro';
import type { RoleGrantView } from '../../shared/schemas/account';
import { ChoiceChips } from '../../components/ChoiceChips';
import { EmptyState, ErrorState, LoadingState } from '../../components/StateView';
import { useAccount, type AccountState } from '../../hooks/useAccount';
import { useI18n } from '../../hooks/useI18n';
import { colors } from '../../styles/colors';

export interface StaffScope {
  account: AccountState;
  /** The account's grants: the regions this person is staff of. */
  grants: RoleGrantView[];
  /** The chosen grant's region (the first one until another is chosen). */
  regionId: string | null;
  setRegionId: (regionId: string) => void;
}

/** The staff member's grants and the one a console page is looking at. */
export function useStaffScope(): StaffScope {
  const account = useAccount();
  const grants = account.me?.account.roles ?? [];
  const [chosen, setRegionId] = useState<string | null>(null);
  const regionId = chosen && grants.some((g) => g.regionId === chosen) ? chosen : (grants[0]?.regionId ?? null);
  return { account, grants, regionId, setRegionId };
}

/**
 * What a console page shows before it has a region to work on: the account loading, its error,
 * or "no staff role". Null once there is a region.
 */
export function scopeState(scope: StaffScope): ReactNode | null {
  if (scope.regionId) return null;
  if (scope.account.status === 'error') return <ErrorState message={scope.account.error ?? ''} onRetry={scope.account.retry} />;
  if (!scope.account.me) return <LoadingState cards={2} />;
  return <NoStaffRole />;
}

function NoStaffRole() {
  const { t } = useI18n();
  return <EmptyState title={t('moderation.scope.none')} description={t('moderation.scope.noneHint')} icon={<ShieldCheck size={40} color={colors.decoration} />} />;
}

/** Chips for the regions the person is staff of; hidden when there is only one. */
export function ScopeChips({ scope }: { scope: StaffScope }) {
  const { t } = useI18n();
  if (scope.grants.length < 2) return null;
  return (
    <View className='staff-scope'>
      <Text className='staff-scope__label'>{t('moderation.scope.label')}</Text>
      <ChoiceChips
        className='staff-scope__chips'
        options={scope.grants.map((grant) => ({ value: grant.regionId, label: grant.regionName }))}
        value={scope.regionId}
        onChange={scope.setRegionId}
      />
    </View>
  );
}
