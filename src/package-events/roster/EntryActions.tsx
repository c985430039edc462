import { Button } from '@nutui/nutui-react-taro';
import type { SignupStatus } from '../../shared/schemas/activities';
import { useI18n } from '../../hooks/useI18n';
import type { RosterEntry } from './useRoster';

export type Mark = 'check_in' | 'check_out' | 'no_show';

/** Sign-ups a leader may still take off the list: they hold, are offered or wait for a seat. */
const REMOVABLE: readonly SignupStatus[] = ['confirmed', 'waitlisted', 'offered', 'pending_approval'];

export interface EntryActionsProps {
  entry: RosterEntry;
  /** The person whose change is in flight (one at a time: each answer moves seats). */
  busy: string | null;
  /** Hand check-in is open (from an hour before the start). */
  canMark: boolean;
  /** The activity started: a no-show can be recorded. */
  started: boolean;
  /** The activity ended: nobody is removed from a finished activity. */
  ended: boolean;
  onMark: (entry: RosterEntry, mark: Mark) => void;
  onDecide: (entry: RosterEntry, decision: 'approve' | 'reject') => void;
  onRemove: (entry: RosterEntry) => void;
}

/** The buttons of one row, by the entry's status and the time. */
export function EntryActions({ entry, busy, canMark, started, ended, onMark, onDecide, onRemove }: EntryActionsProps) {
  const { t } = useI18n();
  const mine = busy === entry.userId;
  const locked = busy !== null;
  return (
    <>
      {entry.status === 'pending_approval' ? (
        <>
          <Button size='small' type='primary' className='roster__approve' loading={mine} disabled={locked} onClick={() => onDecide(entry, 'approve')}>
            {t('events.roster.approve')}
          </Button>
          <Button size='small' fill='outline' className='roster__reject' disabled={locked} onClick={() => onDecide(entry, 'reject')}>
            {t('events.roster.reject')}
          </Button>
        </>
      ) : null}
      {entry.status === 'confirmed' && canMark && entry.checkedInAt === null ? (
        <>
          <Button size='small' type='primary' className='roster__check-in' loading={mine} disabled={locked} onClick={() => onMark(entry, 'check_in')}>
            {t('events.roster.checkIn')}
          </Button>
          {started ? (
            <Button size='small' fill='outline' className='roster__no-show' disabled={locked} onClick={() => onMark(entry, 'no_show')}>
              {t('events.roster.noShow')}
            </Button>
          ) : null}
        </>
      ) : null}
      {entry.status === 'confirmed' && entry.checkedInAt !== null && entry.checkedOutAt === null && !entry.missingCheckOut ? (
        <Button size='small' fill='outline' className='roster__check-out' loading={mine} disabled={locked} onClick={() => onMark(entry, 'check_out')}>
          {t('events.roster.checkOut')}
        </Button>
      ) : null}
      {entry.status === 'no_show' ? (
        <Button size='small' fill='outline' className='roster__undo-no-show' disabled={locked} onClick={() => onMark(entry, 'check_in')}>
          {t('events.roster.checkInAnyway')}
        </Button>
      ) : null}
      {!ended && REMOVABLE.includes(entry.status) ? (
        <Button size='small' fill='outline' className='roster__remove' disabled={locked} onClick={() => onRemove(entry)}>
          {t('events.roster.remove')}
        </Button>
      ) : null}
    </>
  );
}
