import { Text, View } from '@tarojs/components';
import type { JobProgress as JobProgressData } from '../../shared/schemas/common';
import { useI18n } from '../../hooks/useI18n';

/** How often a screen watching a background job asks how far it is (each ask also moves it on). */
export const JOB_POLL_MS = 1500;

export interface JobProgressProps {
  job: JobProgressData;
  /** What the job counts: `rows` (an export) or `people` (a roll-call's notices). */
  unit: 'rows' | 'people';
}

/**
 * How far a background job is: a bar and "done of total" in words (large type, no colour-only
 * meaning), or the error of a job that gave up. Screen readers get a progressbar role.
 */
export function JobProgress({ job, unit }: JobProgressProps) {
  const { t } = useI18n();
  const percent = job.total > 0 ? Math.min(100, Math.round((job.done / job.total) * 100)) : job.state === 'done' ? 100 : 0;
  if (job.state === 'failed') {
    return (
      <View className='staff-job staff-job--failed' role='alert'>
        {t('moderation.jobs.failed', { error: job.error ?? '' })}
      </View>
    );
  }
  const label = job.state === 'done' ? t(`moderation.jobs.done.${unit}`, { total: job.total }) : job.state === 'queued' ? t('moderation.jobs.queued') : t(`moderation.jobs.running.${unit}`, { done: job.done, total: job.total });
  return (
    <View className={`staff-job staff-job--${job.state}`} role='progressbar' aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent} aria-label={label}>
      <View className='staff-job__track'>
        <View className='staff-job__bar' style={{ width: `${percent}%` }} />
      </View>
      <Text className='staff-job__label'>{label}</Text>
    </View>
  );
}
