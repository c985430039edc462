import { SignupsRemoveInput } from '../../shared/schemas/signups';
import type { Translate } from '../../locales';
import { ReasonDialog } from '../../components/ReasonDialog';
import { useI18n } from '../../hooks/useI18n';
import type { RosterEntry } from './useRoster';

/**
 * What is wrong with a removal before it is sent, in the user's language, or null. The rule is
 * the action's own schema (SignupsRemoveInput); the issue's code picks the message and its
 * bounds come from the schema, so the limits are written down once.
 */
export function removeReasonProblem(t: Translate, input: { activityId: string; userId: string; reason: string }): string | null {
  const parsed = SignupsRemoveInput.safeParse(input);
  if (parsed.success) return null;
  // The ids come from the server's own answers; only the reason is the leader's to fix.
  const issue = parsed.error.issues.find((candidate) => candidate.path[0] === 'reason');
  if (!issue) return null;
  if (issue.code === 'too_small') return t('events.roster.removeReasonShort', { min: Number(issue.minimum) });
  if (issue.code === 'too_big') return t('events.roster.removeReasonLong', { max: Number(issue.maximum) });
  return t('events.roster.removeReasonInvalid');
}

export interface RemoveDialogProps {
  activityId: string;
  /** The person being removed; null keeps the dialog closed. */
  entry: RosterEntry | null;
  /** Sends the removal; a rejection keeps the dialog open with the error in it. */
  onRemove: (entry: RosterEntry, reason: string) => Promise<void>;
  onClose: () => void;
}

/** Removing someone: the reason is required (the person is told it), counted as it is typed. */
export function RemoveDialog({ activityId, entry, onRemove, onClose }: RemoveDialogProps) {
  const { t } = useI18n();
  const name = entry?.nickname ?? '';
  return (
    <ReasonDialog
      visible={entry !== null}
      title={t('events.roster.removeTitle', { name })}
      message={t('events.roster.removeMessage', { name })}
      placeholder={t('events.roster.removePlaceholder')}
      confirmText={t('events.roster.removeConfirm')}
      schema={SignupsRemoveInput.shape.reason}
      validate={(reason) => (entry ? removeReasonProblem(t, { activityId, userId: entry.userId, reason }) : null)}
      onConfirm={async (reason) => {
        if (entry) await onRemove(entry, reason ?? '');
      }}
      onClose={onClose}
    />
  );
}
