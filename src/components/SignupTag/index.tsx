import { Tag } from '@nutui/nutui-react-taro';
import type { MySignup, SignupStatus } from '../../shared/schemas/activities';
import type { MessageKey } from '../../locales';
import { useI18n } from '../../hooks/useI18n';
import './index.scss';

const TAG: Record<SignupStatus, { type: 'success' | 'warning' | 'danger' | 'default' | 'primary'; label: MessageKey }> = {
  confirmed: { type: 'success', label: 'events.status.confirmed' },
  pending_approval: { type: 'warning', label: 'events.status.pending_approval' },
  waitlisted: { type: 'warning', label: 'events.status.waitlisted' },
  offered: { type: 'primary', label: 'events.status.offered' },
  cancelled: { type: 'default', label: 'events.status.cancelled' },
  late_cancelled: { type: 'default', label: 'events.status.late_cancelled' },
  removed: { type: 'default', label: 'events.status.removed' },
  rejected: { type: 'danger', label: 'events.status.rejected' },
  no_show: { type: 'danger', label: 'events.status.no_show' },
  expired: { type: 'default', label: 'events.status.expired' },
};

export interface SignupTagProps {
  signup: MySignup;
}

/** My sign-up on a card or page: confirmed / waitlisted / offered … and checked in once I am. */
export function SignupTag({ signup }: SignupTagProps) {
  const { t } = useI18n();
  const checkedIn = signup.status === 'confirmed' && signup.checkedInAt !== null;
  const { type, label } = checkedIn ? { type: 'success' as const, label: 'events.status.checkedIn' as const } : TAG[signup.status];
  return (
    <Tag className={`linli-signup-tag linli-signup-tag--${checkedIn ? 'checked-in' : signup.status}`} type={type} round>
      {signup.status === 'waitlisted' && signup.waitlistPosition ? t('events.status.waitlistedAt', { position: signup.waitlistPosition }) : t(label)}
    </Tag>
  );
}
