import '../locale';
import '../actions';
import { useState } from 'react';
import Taro, { usePullDownRefresh } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button, Input } from '@nutui/nutui-react-taro';
import { User } from '@nutui/icons-react-taro';
import type { StaffRole } from '../../shared/schemas/account';
import type { RegionLevel, RegionTreeNode } from '../../shared/schemas/regions';
import { RolesGrantInput, RolesRevokeInput, type RoleGrantRow } from '../../shared/schemas/roles';
import { call } from '../../services/cloud';
import { PageRoot } from '../../components/PageRoot';
import { ChoiceChips } from '../../components/ChoiceChips';
import { findPath } from '../../components/CommunityPicker/tree';
import { FormField } from '../../components/FormField';
import { FormErrorSummary } from '../../components/FormErrorSummary';
import { useFormErrors } from '../../hooks/useFormErrors';
import { textLimit } from '../../utils/formLimits';
import { issueMessage, schemaFieldErrors } from '../../utils/schemaErrors';
import { ReasonDialog } from '../../components/ReasonDialog';
import { EmptyState, ErrorState, LoadingState } from '../../components/StateView';
import { errorMessage, useAsync } from '../../hooks/useAsync';
import { useI18n } from '../../hooks/useI18n';
import { formatDate } from '../../utils/registryFormat';
import { ScopeChips, scopeState, useStaffScope } from '../components/StaffScope';
import '../components/staff.scss';
import { colors } from '../../styles/colors';
import { DANGER_BUTTON } from '../../styles/buttons';

/** The role that belongs to each level of the tree (the server refuses any other pairing). */
const ROLE_OF: Record<RegionLevel, StaffRole> = { county: 'county', street: 'street', community: 'committee' };
/** The contract's limits (RolesGrantInput, RolesRevokeInput): revoking has a shorter reason than most. */
const NOTE_LIMIT = textLimit(RolesGrantInput.shape.note.unwrap());
type GrantField = 'userId' | 'note';

/** The node and everything below it, depth first. */
function flatten(node: RegionTreeNode): RegionTreeNode[] {
  return [node, ...node.children.flatMap(flatten)];
}

/**
 * Staff roles of the chosen area and below: revoke with a reason, grant by user id to the area
 * or an area below it. The server checks that the granter's own role is at least as high.
 */
export default function RolesPage() {
  const { t } = useI18n();
  const scope = useStaffScope();
  const regionId = scope.regionId;
  const list = useAsync(() => call('roles.list', { regionId: regionId ?? '' }), [regionId], { enabled: regionId !== null });
  const tree = useAsync(() => call('regions.tree', {}), []);
  const [revoking, setRevoking] = useState<RoleGrantRow | null>(null);

  usePullDownRefresh(() => {
    void list.reload().finally(() => Taro.stopPullDownRefresh());
  });

  const revoke = async (reason: string | undefined) => {
    if (!revoking) return;
    await call('roles.revoke', { grantId: revoking.grantId, reason: reason ?? '' });
    if (list.data) list.setData({ items: list.data.items.filter((row) => row.grantId !== revoking.grantId) });
    Taro.showToast({ title: t('moderation.roles.revoked'), icon: 'none' }).catch(() => undefined);
  };

  const waiting = scopeState(scope);
  const path = regionId && tree.data ? findPath(tree.data.roots, regionId) : undefined;
  // Index, not Array.prototype.at: older iOS WeChat lacks it (src/tsconfig.json's lib).
  const area = path && path.length > 0 ? path[path.length - 1] : undefined;

  const rows = () => {
    if (list.loading && !list.data) return <LoadingState cards={2} />;
    if (list.error || !list.data) return <ErrorState message={list.error ?? ''} onRetry={() => void list.reload()} />;
    if (list.data.items.length === 0) return <EmptyState title={t('moderation.roles.empty')} icon={<User size={40} color={colors.decoration} />} />;
    return (
      <View className='staff-table staff-roles__table'>
        {list.data.items.map((row) => (
          <View key={row.grantId} className='staff-table__row staff-roles__row' data-grant-id={row.grantId}>
            <Text className='staff-table__cell staff-table__cell--main'>{row.nickname || row.userId}</Text>
            <Text className='staff-table__cell'>{t(`moderation.roles.names.${row.role}`)}</Text>
            <Text className='staff-table__cell'>{row.regionName}</Text>
            <Text className='staff-table__cell staff-table__cell--muted'>{t('moderation.roles.granted', { time: formatDate(row.grantedAt) })}</Text>
            <View className='staff-table__cell'>
              <Button className={`staff-roles__revoke ${DANGER_BUTTON}`} size='small' fill='outline' onClick={() => setRevoking(row)}>
                {t('moderation.roles.revoke')}
              </Button>
            </View>
          </View>
        ))}
      </View>
    );
  };

  return (
    <PageRoot titleKey='moderation.titles.roles' className='staff-page staff-roles' busy={list.loading}>
      <View className='staff-frame'>
        {waiting ?? (
          <>
            <ScopeChips scope={scope} />
            <Text className='staff-intro'>{t('moderation.roles.intro')}</Text>
            {rows()}
            {area ? <GrantForm key={area.id} area={area} onGranted={() => void list.reload()} /> : null}
          </>
        )}
      </View>
      <ReasonDialog
        visible={revoking !== null}
        title={revoking ? t('moderation.roles.revokeTitle', { name: revoking.nickname || revoking.userId }) : ''}
        message={t('moderation.roles.revokeMessage')}
        confirmText={t('moderation.roles.revoke')}
        schema={RolesRevokeInput.shape.reason}
        onConfirm={revoke}
        onClose={() => setRevoking(null)}
      />
    </PageRoot>
  );
}

function GrantForm({ area, onGranted }: { area: RegionTreeNode; onGranted: () => void }) {
  const { t } = useI18n();
  const nodes = flatten(area);
  const [userId, setUserId] = useState('');
  const [target, setTarget] = useState(area.id);
  const [note, setNote] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const form = useFormErrors<GrantField>(['userId', 'note']);
  const [busy, setBusy] = useState(false);
  const chosen = nodes.find((node) => node.id === target) ?? area;
  // A community takes its committee staff or a grid worker (issue 18); other levels one role each.
  const [communityRole, setCommunityRole] = useState<StaffRole>('committee');
  const role = chosen.level === 'community' ? communityRole : ROLE_OF[chosen.level];

  const submit = async () => {
    const id = userId.trim();
    setProblem(null);
    // RolesGrantInput judges; the form only picks the words.
    const input = { userId: id, role, regionId: chosen.id, ...(note.trim() ? { note } : {}) };
    const found = schemaFieldErrors(RolesGrantInput, input, (path) => (path === 'userId' || path === 'note' ? path : null), (issue, field) =>
      field === 'userId' ? t('moderation.audit.badId') : issue.code === 'too_big' ? issueMessage(t, issue, input) : t('forms.tooShort', { min: NOTE_LIMIT.min }),
    );
    if (form.refuse(found)) return;
    setBusy(true);
    try {
      const trimmed = note.trim();
      await call('roles.grant', { userId: id, role, regionId: chosen.id, ...(trimmed ? { note: trimmed } : {}) });
      setUserId('');
      setNote('');
      Taro.showToast({ title: t('moderation.roles.grantedToast'), icon: 'none' }).catch(() => undefined);
      onGranted();
    } catch (caught) {
      setProblem(errorMessage(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className='linli-card staff-form staff-roles__grant'>
      <Text className='staff-card__title'>{t('moderation.roles.grant')}</Text>
      <FormField name='userId' label={t('moderation.roles.userId')} hint={t('moderation.roles.userIdHint')} required error={form.errors.userId}>
        <Input value={userId} onChange={(value) => (setUserId(value), form.clear('userId'))} />
      </FormField>
      <FormField name='region' label={t('moderation.roles.region')} hint={t('moderation.roles.role', { role: t(`moderation.roles.names.${role}`) })}>
        <ChoiceChips options={nodes.map((node) => ({ value: node.id, label: node.name }))} value={target} onChange={setTarget} />
      </FormField>
      {chosen.level === 'community' ? (
        <FormField name='role' label={t('moderation.roles.roleChoice')}>
          <ChoiceChips className='staff-roles__role' options={(['committee', 'grid'] as const).map((value) => ({ value, label: t(`moderation.roles.names.${value}`) }))} value={communityRole} onChange={setCommunityRole} />
        </FormField>
      ) : null}
      <FormField name='note' label={t('moderation.roles.note')} error={form.errors.note} count={{ value: note, limit: NOTE_LIMIT }}>
        <Input value={note} onChange={(value) => (setNote(value), form.clear('note'))} />
      </FormField>
      <FormErrorSummary problems={form.problems} labels={{ userId: t('moderation.roles.userId'), note: t('moderation.roles.note') }} general={problem} />
      <View className='staff-actions'>
        <Button className='staff-roles__submit' type='primary' size='small' loading={busy} disabled={busy} onClick={() => void submit()}>
          {t('moderation.roles.submit')}
        </Button>
      </View>
    </View>
  );
}
