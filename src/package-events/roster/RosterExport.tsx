import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { OutputOf } from '../../shared/api/contract';
import { call } from '../../services/cloud';
import { errorMessage } from '../../hooks/useAsync';
import { useI18n } from '../../hooks/useI18n';
import { openFile } from '../../utils/openFile';

type Exported = OutputOf<'signups.rosterExport'>;

/**
 * The roster export: every sign-up of the activity in one workbook (the screen pages through
 * them). As with the staff console's exports, the server writes the file and answers a
 * temporary link, shown with "open" (a new tab on H5, WeChat's document viewer in the app) and
 * "copy" (for a computer). Opening is its own tap: a browser blocks a tab opened after an await.
 */
export function RosterExport({ activityId }: { activityId: string }) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<Exported | null>(null);
  const [error, setError] = useState<string | null>(null);

  const open = async (file: Exported) => {
    try {
      await openFile(file.url, file.fileId);
    } catch (caught) {
      setError(errorMessage(caught));
    }
  };

  const run = async () => {
    setBusy(true);
    setError(null);
    try {
      setResult(await call('signups.rosterExport', { activityId }));
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className='roster__export'>
      <Button className='roster__export-button' type='primary' fill='outline' block loading={busy} disabled={busy} onClick={() => void run()}>
        {busy ? t('events.roster.exporting') : t('events.roster.export')}
      </Button>
      {error ? (
        <View className='roster__export-error' role='alert'>
          {error}
        </View>
      ) : null}
      {result ? (
        <View className='roster__export-result'>
          <Text className='roster__export-rows'>{t('events.roster.exportReady', { count: result.rows })}</Text>
          <Text className='roster__export-url' userSelect>
            {result.url}
          </Text>
          <View className='roster__export-actions'>
            <Button className='roster__export-open' size='small' type='primary' onClick={() => void open(result)}>
              {t('events.roster.exportOpen')}
            </Button>
            <Button className='roster__export-copy' size='small' onClick={() => void Taro.setClipboardData({ data: result.url }).catch(() => undefined)}>
              {t('events.roster.exportCopy')}
            </Button>
          </View>
        </View>
      ) : null}
    </View>
  );
}
