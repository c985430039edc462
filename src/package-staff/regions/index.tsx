import '../locale';
import '../actions';
import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { RegionImportReport, RegionImportSource } from '../../shared/schemas/regions';
import { REGION_IMPORT_MAX_BYTES } from '../../shared/schemas/regions';
import type { MessageKey } from '../../locales';
import { call, uploadImportFile } from '../../services/cloud';
import { PageRoot } from '../../components/PageRoot';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { EmptyState } from '../../components/StateView';
import { errorMessage } from '../../hooks/useAsync';
import { useI18n } from '../../hooks/useI18n';
import { chooseSpreadsheet } from '../../utils/chooseSpreadsheet';
import { openFile } from '../../utils/openFile';
import { scopeState, useStaffScope } from '../components/StaffScope';
import '../components/staff.scss';
import './index.scss';

type Stage = { kind: 'idle' } | { kind: 'checking'; name: string } | { kind: 'previewed' | 'applied'; name: string; source: RegionImportSource; report: RegionImportReport };

const FIELD_KEYS: Record<string, MessageKey> = {
  name: 'moderation.regionsImport.fields.name',
  code: 'moderation.regionsImport.fields.code',
  urbanRuralCode: 'moderation.regionsImport.fields.urbanRuralCode',
  urban: 'moderation.regionsImport.fields.urban',
  kind: 'moderation.regionsImport.fields.kind',
  gridAreas: 'moderation.regionsImport.fields.gridAreas',
};

/**
 * County staff import their county's region tree and grid areas from a spreadsheet: download the
 * template, choose the file (weapp: from a chat; H5: a file input), see the dry run's report —
 * problems by row, or what would be created, updated and kept — then confirm to apply it. The
 * server checks the county against the staff member's grant; nothing is ever deleted.
 */
export default function RegionsImportPage() {
  const { t } = useI18n();
  const scope = useStaffScope();
  const [stage, setStage] = useState<Stage>({ kind: 'idle' });
  const [failure, setFailure] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [templateBusy, setTemplateBusy] = useState(false);

  const waiting = scopeState(scope);
  const isCounty = scope.grants.some((grant) => grant.role === 'county');

  const downloadTemplate = async () => {
    setTemplateBusy(true);
    setFailure(null);
    try {
      const link = await call('regions.importTemplate', {});
      await openFile(link.url, link.fileName, link.fileId);
    } catch (error) {
      setFailure(errorMessage(error));
    } finally {
      setTemplateBusy(false);
    }
  };

  const choose = async () => {
    setFailure(null);
    const file = await chooseSpreadsheet();
    if (!file) return;
    if (file.size > REGION_IMPORT_MAX_BYTES) return setFailure(t('moderation.regionsImport.tooBig'));
    setStage({ kind: 'checking', name: file.name });
    try {
      // Uploaded once; the preview and the import read the same stored file.
      const source: RegionImportSource = file.path ? { fileName: file.name, fileId: await uploadImportFile(file.path, file.name) } : { fileName: file.name, base64: file.base64 ?? '' };
      const report = await call('regions.import', { source, apply: false });
      setStage({ kind: 'previewed', name: file.name, source, report });
    } catch (error) {
      setStage({ kind: 'idle' });
      setFailure(errorMessage(error));
    }
  };

  const apply = async () => {
    if (stage.kind !== 'previewed') return;
    try {
      const report = await call('regions.import', { source: stage.source, apply: true });
      setStage({ ...stage, kind: 'applied', report });
      Taro.showToast({ title: t('moderation.regionsImport.applied'), icon: 'success' }).catch(() => undefined);
    } catch (error) {
      setFailure(errorMessage(error));
    }
  };

  const body = () => {
    if (waiting) return waiting;
    if (!isCounty) return <EmptyState title={t('errors.FORBIDDEN')} />;
    const report = stage.kind === 'previewed' || stage.kind === 'applied' ? stage.report : null;
    const canApply = stage.kind === 'previewed' && report !== null && report.errorCount === 0 && report.created + report.updated > 0;
    return (
      <>
        <View className='linli-card'>
          <Text className='staff-intro'>{t('moderation.regionsImport.intro')}</Text>
          <Text className='regions-import__note'>{t('moderation.regionsImport.columns')}</Text>
          {process.env.TARO_ENV === 'weapp' ? <Text className='regions-import__note'>{t('moderation.regionsImport.weappHint')}</Text> : null}
          <View className='regions-import__actions'>
            <Button className='regions-import__template' fill='outline' size='large' loading={templateBusy} disabled={templateBusy} onClick={() => void downloadTemplate()}>
              {t('moderation.regionsImport.template')}
            </Button>
            <Button className='regions-import__choose' type='primary' size='large' loading={stage.kind === 'checking'} disabled={stage.kind === 'checking'} onClick={() => void choose()}>
              {stage.kind === 'idle' ? t('moderation.regionsImport.choose') : t('moderation.regionsImport.chooseAgain')}
            </Button>
          </View>
          {stage.kind !== 'idle' ? <Text className='regions-import__chosen'>{t('moderation.regionsImport.chosen', { name: stage.name })}</Text> : null}
          {stage.kind === 'checking' ? <Text className='regions-import__note'>{t('moderation.regionsImport.checking')}</Text> : null}
        </View>
        {failure ? (
          <View className='staff-card__note regions-import__failure' role='alert'>
            {failure}
          </View>
        ) : null}
        {report ? <ReportView report={report} applied={stage.kind === 'applied'} /> : null}
        {canApply ? (
          <Button className='regions-import__apply' type='primary' size='large' block onClick={() => setConfirming(true)}>
            {t('moderation.regionsImport.apply')}
          </Button>
        ) : null}
        <ConfirmDialog
          className='regions-import__confirm'
          visible={confirming}
          title={t('moderation.regionsImport.confirmTitle')}
          message={report ? t('moderation.regionsImport.confirmMessage', { created: report.created, updated: report.updated }) : ''}
          confirmText={t('moderation.regionsImport.apply')}
          onConfirm={apply}
          onClose={() => setConfirming(false)}
        />
      </>
    );
  };

  return (
    <PageRoot titleKey='moderation.regionsImport.title' className='staff-page regions-import'>
      <View className='staff-frame'>{body()}</View>
    </PageRoot>
  );
}

/** The report of a dry run or an import: problems by row, or the counts, the changes and what the file leaves out. */
function ReportView({ report, applied }: { report: RegionImportReport; applied: boolean }) {
  const { t } = useI18n();
  const more = (shown: number, total: number) => (total > shown ? <Text className='regions-import__note'>{t('moderation.regionsImport.more', { count: total - shown })}</Text> : null);
  if (report.errorCount > 0) {
    return (
      <View className='linli-card regions-import__errors' role='alert'>
        <Text className='regions-import__errors-title'>{t('moderation.regionsImport.errorsTitle', { count: report.errorCount })}</Text>
        <Text className='regions-import__note'>{t('moderation.regionsImport.errorsHint')}</Text>
        {report.errors.map((problem, index) => (
          <View key={`${problem.row}-${index}`} className='regions-import__item regions-import__error' data-problem={problem.problem} data-row={problem.row}>
            <Text className='regions-import__item-head'>
              {problem.row > 0 ? t('moderation.regionsImport.row', { row: problem.row }) : t('moderation.regionsImport.fileLevel')}
              {problem.column ? `${t('common.separator')}${problem.column}` : ''}
            </Text>
            <Text className='regions-import__item-text'>{problem.message}</Text>
          </View>
        ))}
        {more(report.errors.length, report.errorCount)}
      </View>
    );
  }
  const counts: Array<[string, number, MessageKey]> = [
    ['created', report.created, 'moderation.regionsImport.summary.created'],
    ['updated', report.updated, 'moderation.regionsImport.summary.updated'],
    ['unchanged', report.unchanged, 'moderation.regionsImport.summary.unchanged'],
    ['missing', report.missingCount, 'moderation.regionsImport.summary.missing'],
  ];
  return (
    <View className='linli-card regions-import__report'>
      {applied ? <Text className='regions-import__done'>{t('moderation.regionsImport.applied')}</Text> : null}
      {report.county ? <Text className='regions-import__chosen'>{t('moderation.regionsImport.county', report.county)}</Text> : null}
      <View className='regions-import__summary'>
        {counts.map(([name, value, label]) => (
          <View key={name} className={`regions-import__count regions-import__count--${name}`}>
            <Text className='regions-import__count-value'>{value}</Text>
            <Text className='regions-import__count-label'>{t(label)}</Text>
          </View>
        ))}
      </View>
      {report.changes.length === 0 && !applied ? <Text className='regions-import__note regions-import__nothing'>{t('moderation.regionsImport.nothing')}</Text> : null}
      {report.changes.length > 0 ? (
        <View className='regions-import__changes'>
          <Text className='linli-section__title'>{applied ? t('moderation.regionsImport.changesApplied') : t('moderation.regionsImport.changesTitle')}</Text>
          {report.changes.map((change) => (
            <View key={change.code} className='regions-import__item regions-import__change' data-code={change.code} data-change={change.change}>
              <Text className='regions-import__item-head'>
                {`${t(`moderation.regionsImport.change.${change.change}`)}${t('common.separator')}${t(`moderation.regionsImport.levels.${change.level}`)}${t('common.separator')}${change.code}`}
              </Text>
              <Text className='regions-import__item-text'>
                {change.name}
                {change.fields.length > 0 ? `${t('common.separator')}${change.fields.map((field) => (FIELD_KEYS[field] ? t(FIELD_KEYS[field]) : field)).join(t('common.separator'))}` : ''}
              </Text>
            </View>
          ))}
          {more(report.changes.length, report.created + report.updated)}
        </View>
      ) : null}
      {report.missing.length > 0 ? (
        <View className='regions-import__missing'>
          <Text className='linli-section__title'>{t('moderation.regionsImport.missingTitle')}</Text>
          {report.missing.map((node) => (
            <View key={node.id} className='regions-import__item' data-missing={node.id}>
              <Text className='regions-import__item-head'>{`${t(`moderation.regionsImport.levels.${node.level}`)}${node.code ? `${t('common.separator')}${node.code}` : ''}`}</Text>
              <Text className='regions-import__item-text'>{`${node.name}${t('common.separator')}${t('moderation.regionsImport.missingGroups', { count: node.groups })}`}</Text>
            </View>
          ))}
          {more(report.missing.length, report.missingCount)}
        </View>
      ) : null}
    </View>
  );
}
