import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { InputOf, OutputOf } from '../../shared/api/contract';
import { call } from '../../services/cloud';
import { errorMessage } from '../../hooks/useAsync';
import { useI18n } from '../../hooks/useI18n';
import { openFile } from '../../utils/openFile';

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
}

/**
 * One Excel export (dashboard.export): the server writes the workbook to storage and answers a
 * temporary link. H5 opens it in a new tab; WeChat downloads it and opens it with its document
 * viewer. The link stays on screen to copy, for a computer.
 */
export function ExportButton({ regionId, kind, label, filters }: ExportButtonProps) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<Exported | null>(null);
  const [error, setError] = useState<string | null>(null);

  const run = async () => {
    setBusy(true);
    setError(null);
    try {
      setResult(await call('dashboard.export', { regionId, kind, ...filters }));
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setBusy(false);
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
      {result ? <ExportResult result={result} /> : null}
    </View>
  );
}


function ExportResult({ result }: { result: Exported }) {
  const { t } = useI18n();
  return (
    <View className='staff-export__result'>
      <Text className='staff-card__meta'>{t('moderation.export.ready', { rows: result.rows })}</Text>
      <Text className='staff-export__url'>{result.url}</Text>
      <View className='staff-actions'>
        <Button className='staff-export__open' size='small' type='primary' onClick={() => void openFile(result.url, EXPORT_NAME, result.fileId)}>
          {t('moderation.export.open')}
        </Button>
        <Button
          className='staff-export__copy'
          size='small'
          onClick={() => void Taro.setClipboardData({ data: result.url }).catch(() => undefined)}
        >
          {t('moderation.export.copy')}
        </Button>
      </View>
    </View>
  );
}
