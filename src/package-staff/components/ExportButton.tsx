import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { InputOf, OutputOf } from '../../shared/api/contract';
import { call } from '../../services/cloud';
import { errorMessage } from '../../hooks/useAsync';
import { useI18n } from '../../hooks/useI18n';

type ExportKind = 'groups' | 'activities' | 'hours' | 'audit';
type Exported = OutputOf<'dashboard.export'>;

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

function open(url: string) {
  if (process.env.TARO_ENV === 'h5') {
    window.open(url, '_blank', 'noopener');
    return;
  }
  Taro.downloadFile({ url })
    .then(({ tempFilePath }) => Taro.openDocument({ filePath: tempFilePath, fileType: 'xlsx', showMenu: true }))
    .catch(() => undefined);
}

function ExportResult({ result }: { result: Exported }) {
  const { t } = useI18n();
  return (
    <View className='staff-export__result'>
      <Text className='staff-card__meta'>{t('moderation.export.ready', { rows: result.rows })}</Text>
      <Text className='staff-export__url'>{result.url}</Text>
      <View className='staff-actions'>
        <Button className='staff-export__open' size='small' type='primary' onClick={() => open(result.url)}>
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
