import { Tag } from '@nutui/nutui-react-taro';
import type { MembershipStatus } from '../../shared/schemas/groups';
import { useI18n } from '../../hooks/useI18n';

export interface MembershipTagProps {
  status: MembershipStatus;
}

const TAG_TYPE: Record<MembershipStatus, 'success' | 'warning' | 'danger' | 'default'> = {
  active: 'success',
  pending: 'warning',
  rejected: 'danger',
  left: 'default',
  removed: 'default',
  banned: 'danger',
};

/** My membership in a group (joined / pending / declined …). */
export function MembershipTag({ status }: MembershipTagProps) {
  const { t } = useI18n();
  return (
    <Tag className={`linli-membership-tag linli-membership-tag--${status}`} type={TAG_TYPE[status]} round>
      {t(`membership.${status}`)}
    </Tag>
  );
}
