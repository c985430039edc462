import { ProofsVerifyInput } from '../../shared/schemas/proofs';
import '../locale';
import '../actions';
import { useEffect, useState } from 'react';
import { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button, Cell, CellGroup, Input } from '@nutui/nutui-react-taro';
import { CheckChecked, MaskClose } from '@nutui/icons-react-taro';
import type { OutputOf } from '../../shared/api/contract';
import { call } from '../../services/cloud';
import { PageRoot } from '../../components/PageRoot';
import { ErrorState } from '../../components/StateView';
import { errorMessage } from '../../hooks/useAsync';
import { useI18n } from '../../hooks/useI18n';
import { formatDate } from '../../utils/chinaTime';
import { hoursOf } from '../components/format';
import '../components/volunteer.scss';
import './index.scss';
import { colors } from '../../styles/colors';

type Answer = OutputOf<'proofs.verify'>;
/** Whether a code is what proofs.verify accepts (its schema decides, never a copy of its pattern). */
const isCode = (value: string) => ProofsVerifyInput.safeParse({ code: value }).success;
const normalise = (value: string) => value.toUpperCase().replace(/[^A-Z0-9]/g, '').slice(0, 10);

/**
 * Public proof check (?code=): anyone — a school, an employer — enters the 10-character code
 * printed on a proof and sees whether it is genuine, with masked personal data only. Needs no
 * sign-in (proofs.verify is a public action), so this page never sends anyone to the login.
 */
export default function VerifyPage() {
  const { t } = useI18n();
  const params = useRouter().params;
  // ?code= from the printed link; ?scene= from the proof's mini-program code (WeChat URL-encodes it).
  const initial = normalise(params.code ?? decodeURIComponent(params.scene ?? ''));
  const [code, setCode] = useState(initial);
  const [problem, setProblem] = useState<string | null>(null);
  const [answer, setAnswer] = useState<Answer | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const verify = async (value: string) => {
    if (!isCode(value)) {
      setProblem(t('volunteer.verify.invalidCode'));
      return;
    }
    setProblem(null);
    setError(null);
    setBusy(true);
    try {
      setAnswer(await call('proofs.verify', { code: value }));
    } catch (caught) {
      setAnswer(null);
      setError(errorMessage(caught));
    } finally {
      setBusy(false);
    }
  };

  // A link printed on the proof (or its QR code) checks at once.
  useEffect(() => {
    if (isCode(initial)) void verify(initial);
  }, [initial]);

  return (
    <PageRoot titleKey='volunteer.titles.verify' className='verify' busy={busy}>
      <Text className='volunteer-intro'>{t('volunteer.verify.intro')}</Text>
      <View className='linli-section'>
        <View className='linli-card verify__form'>
          <View data-field='code'>
            <Input
              className='verify__input'
              value={code}
              maxLength={10}
              placeholder={t('volunteer.verify.placeholder')}
              aria-label={t('volunteer.verify.code')}
              onChange={(value) => {
                setCode(normalise(value));
                setProblem(null);
              }}
            />
          </View>
          {problem ? (
            <View className='linli-field__error' role='alert'>
              {problem}
            </View>
          ) : null}
          <Button className='verify__submit' type='primary' size='large' block loading={busy} disabled={busy} onClick={() => void verify(code)}>
            {busy ? t('volunteer.verify.checking') : t('volunteer.verify.submit')}
          </Button>
        </View>
      </View>
      {error ? <ErrorState message={error} onRetry={() => void verify(code)} /> : null}
      {answer && answer.valid ? (
        <View className='linli-section'>
          <View className='linli-card verify__result verify__result--valid' role='status'>
            <View className='verify__verdict'>
              <CheckChecked size={40} color={colors.success} />
              <Text className='verify__verdict-text'>{t('volunteer.verify.valid')}</Text>
            </View>
            <Text className='volunteer-item__line'>{t('volunteer.verify.validHint')}</Text>
          </View>
          <CellGroup className='verify__facts'>
            <Cell title={t('volunteer.verify.serial')} extra={answer.serialNo} />
            <Cell title={t('volunteer.verify.name')} extra={answer.volunteerName} />
            <Cell title={t('volunteer.verify.idNumber')} extra={answer.idNumber} />
            <Cell title={t('volunteer.verify.volunteerNo')} extra={answer.volunteerNo} />
            <Cell title={t('volunteer.verify.hours')} extra={t('volunteer.common.hours', { hours: hoursOf(answer.minutes) })} />
            <Cell title={t('volunteer.verify.period')} extra={t('volunteer.proofs.period', { from: answer.from, to: answer.to })} />
            <Cell title={t('volunteer.verify.issuer')} extra={answer.issuerName} />
            <Cell title={t('volunteer.verify.personInCharge')} extra={answer.personInCharge} />
            <Cell title={t('volunteer.verify.issuedAt')} extra={formatDate(t, answer.issuedAt, { year: 'always' })} />
          </CellGroup>
        </View>
      ) : null}
      {answer && !answer.valid ? (
        <View className='linli-section'>
          <View className='linli-card verify__result verify__result--invalid' role='status'>
            <View className='verify__verdict'>
              <MaskClose size={40} color={colors.danger} />
              <Text className='verify__verdict-text'>{t('volunteer.verify.invalid')}</Text>
            </View>
            <Text className='volunteer-item__line'>{t('volunteer.verify.invalidHint')}</Text>
          </View>
        </View>
      ) : null}
    </PageRoot>
  );
}
