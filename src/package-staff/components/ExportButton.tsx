import { useEffect, useRef, useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { InputOf, OutputOf } from '../../shared/api/contract';
import type { ExportFile } from '../../shared/schemas/console';
import { call } from '../../services/cloud';
import { errorMessage } from '../../hooks/useAsync';
import { useI18n } from '../../hooks/useI18n';
import { openFile } from '../../utils/openFile';
import { JOB_POLL_MS, JobProgress } from './JobProgress';

type ExportKind = 'groups' | 'activities' | 'hours' | 'audit';
type Exported = OutputOf<'dashboard.export'>;

/** Exports are spreadsheets; the name only tells WeChat's viewer the type. */
const EXPORT_NAME = 'export.xlsx';

export interface ExportButtonProps {
  regionId: string;
  kind: ExportKind;
  label: string;
  /** For the audit log: the search in force, so the file holds what the screen shows. */
  filters?: Pick<InputOf<'dashboard.export'>, 'staffId' | 'targetId' | 'from' | 'to'>;
  /** Pause between progress polls of a big export (each poll also moves it on). */
  pollMs?: number;
}

const finished = (job: Exported) => job.state === 'done' || job.state === 'failed';

/**
 * One Excel export (dashboard.export). The server runs it as a job: a community's is usually
 * done at once; a county's goes on in slices while this polls (exports.get, which also moves it
 * on) and shows rows done of rows to write. Then the link: H5 opens it in a new tab; WeChat
 * downloads it and opens it with its document viewer. The link stays on screen to copy.
 */
export function ExportButton({ regionId, kind, label, filters, pollMs = JOB_POLL_MS }: ExportButtonProps) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [job, setJob] = useState<Exported | null>(null);
  const [error, setError] = useState<string | null>(null);
  const alive = useRef(true);
  useEffect(() => {
    alive.current = true;
    return () => {
      alive.current = false;
    };
  }, []);

  const run = async () => {
    setBusy(true);
    setError(null);
    setJob(null);
    try {
      let current = await call('dashboard.export', { regionId, kind, ...filters });
      setJob(current);
      // A page that closed stops polling; the function's timer finishes the export anyway.
      while (!finished(current) && alive.current) {
        await new Promise((resolve) => setTimeout(resolve, pollMs));
        if (!alive.current) return;
        current = await call('exports.get', { jobId: current.id });
        setJob(current);
      }
    } catch (caught) {
      if (alive.current) setError(errorMessage(caught));
    } finally {
      if (alive.current) setBusy(false);
    }
  };

  return (
    <View className={`staff-export__item staff-export__item--${kind}`} data-export={kind}>
      <Button className='staff-export__button' size='small' type='primary' fill='outline' loading={busy} disabled={busy} onClick={() => void run()}>
        {busy ? t('moderation.export.working') : label}
      </Button>
      {error ? (
        <View className='staff-card__note' role='alert'>
          {error}
        </View>
      ) : null}
      {job && !job.file ? <JobProgress job={job} unit='rows' /> : null}
      {job && busy && !finished(job) ? <Text className='staff-card__meta'>{t('moderation.jobs.keepOpen')}</Text> : null}
      {job?.file ? <ExportResult file={job.file} /> : null}
    </View>
  );
}

function ExportResult({ file }: { file: ExportFile }) {
  const { t } = useI18n();
  return (
    <View className='staff-export__result'>
      <Text className='staff-card__meta'>{t('moderation.export.ready', { rows: file.rows })}</Text>
      <Text className='staff-export__url'>{file.url}</Text>
      <View className='staff-actions'>
        <Button className='staff-export__open' size='small' type='primary' onClick={() => void openFile(file.url, EXPORT_NAME, file.fileId)}>
          {t('moderation.export.open')}
        </Button>
        <Button
          className='staff-export__copy'
          size='small'
          onClick={() => void Taro.setClipboardData({ data: file.url }).catch(() => undefined)}
        >
          {t('moderation.export.copy')}
        </Button>
      </View>
    </View>
  );
}
