import { useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Cell, CellGroup, Input, Loading } from '@nutui/nutui-react-taro';
import { ArrowRight } from '@nutui/icons-react-taro';
import { AccountUpdateProfileInput, type AccountMeOutput } from '../../shared/schemas/account';
import type { RegionTreeNode } from '../../shared/schemas/regions';
import { call, devSignIn, messageFor } from '../../services/cloud';
import { FormField } from '../../components/FormField';
import { SubmitBar } from '../../components/SubmitBar';
import { useFormErrors } from '../../hooks/useFormErrors';
import { textLimit } from '../../utils/formLimits';
import { issueMessage } from '../../utils/schemaErrors';
import { CommunityPicker } from '../../components/CommunityPicker';
import { UserAvatar } from '../../components/UserAvatar';
import { errorMessage } from '../../hooks/useAsync';
import { useI18n } from '../../hooks/useI18n';
import { loadAccount, sessionStore, setAccount } from '../../stores/session';
import { routes, safeReturnTo } from '../../utils/routes';
import { colors } from '../../styles/colors';

/** The seed's demo users (dev openids of the local cloud). */
export const DEMO_USERS = ['demo-resident', 'demo-leader', 'demo-committee', 'demo-street', 'demo-county'] as const;
type DemoUser = (typeof DEMO_USERS)[number];

/**
 * Where a signed-in user goes: the picker until a home community is set, then the page that
 * sent them here (`returnTo`) or home.
 */
async function continueAs(me: AccountMeOutput, returnTo: string | null): Promise<boolean> {
  if (!me.account.homeCommunity) return false;
  await Taro.reLaunch({ url: returnTo ?? routes.home });
  return true;
}

/** The nickname's rule and limit, from the contract (the profile's nickname). */
const NICKNAME = AccountUpdateProfileInput.shape.nickname.unwrap();
const NICKNAME_LIMIT = textLimit(NICKNAME);

/** H5 sign-in on the local cloud (dev sessions). */
export function SignIn() {
  const { t } = useI18n();
  const form = useFormErrors<'nickname'>(['nickname']);
  const returnTo = safeReturnTo(useRouter().params.returnTo);
  const [busy, setBusy] = useState<DemoUser | 'new' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [nickname, setNickname] = useState('');
  const [step, setStep] = useState<'choose' | 'community'>('choose');
  const [saving, setSaving] = useState(false);

  const afterSession = async () => {
    const me = await loadAccount(true);
    // loadAccount keeps its failure in the store instead of throwing.
    if (!me) setError(sessionStore.get().error ?? messageFor('INTERNAL'));
    else if (!(await continueAs(me, returnTo))) setStep('community');
  };

  const signInDemo = async (openid: DemoUser) => {
    setBusy(openid);
    setError(null);
    try {
      await devSignIn({ openid });
      await afterSession();
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setBusy(null);
    }
  };

  const signInNew = async () => {
    const name = nickname.trim();
    // The nickname's rule is the profile's (AccountUpdateProfileInput.nickname): the same name is saved there.
    const checked = NICKNAME.safeParse(nickname);
    const issue = checked.success ? null : checked.error.issues[0];
    if (form.refuse({ nickname: issue ? (issue.code === 'too_big' ? issueMessage(t, issue, nickname) : t('profile.nicknameRequired')) : undefined })) return;
    setBusy('new');
    setError(null);
    try {
      await devSignIn({ nickname: name });
      await afterSession();
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setBusy(null);
    }
  };

  const saveCommunity = async (community: RegionTreeNode) => {
    setSaving(true);
    setError(null);
    try {
      const me = await call('account.updateProfile', { homeCommunityId: community.id });
      setAccount(me);
      await continueAs(me, returnTo);
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setSaving(false);
    }
  };

  if (step === 'community') {
    return (
      <View className='login__community'>
        <Text className='login__step-title'>{t('login.chooseCommunity')}</Text>
        {error ? <ErrorNote message={error} /> : null}
        <CommunityPicker currentId={null} saving={saving} onSave={(c) => void saveCommunity(c)} />
      </View>
    );
  }

  return (
    <View className='login__body'>
      <View className='login__brand'>
        <View className='login__logo'>
          <Text>{Array.from(t('app.name'))[0] ?? ''}</Text>
        </View>
        <Text className='login__welcome'>{t('login.welcome')}</Text>
        <Text className='login__intro'>{t('login.intro')}</Text>
      </View>

      {error ? <ErrorNote message={error} /> : null}

      <View className='linli-section'>
        <Text className='linli-section__title'>{t('login.demoTitle')}</Text>
        <CellGroup className='login__demo'>
          {DEMO_USERS.map((openid) => (
            <Cell
              key={openid}
              className='login__demo-user'
              align='center'
              clickable
              title={
                <View className='login__demo-who' data-openid={openid}>
                  <UserAvatar name={t(`login.demo.${openid}.name`)} />
                  <View className='login__demo-text'>
                    <Text className='login__demo-name'>{t(`login.demo.${openid}.name`)}</Text>
                    <Text className='login__demo-role'>{t(`login.demo.${openid}.role`)}</Text>
                  </View>
                </View>
              }
              extra={busy === openid ? <Loading type='circular' /> : <ArrowRight size={16} color={colors.ink3} />}
              onClick={() => busy === null && void signInDemo(openid)}
            />
          ))}
        </CellGroup>
      </View>

      <View className='linli-section'>
        <Text className='linli-section__title'>{t('login.newTitle')}</Text>
        <View className='linli-card login__new'>
          <FormField name='nickname' label={t('profile.nickname')} error={form.errors.nickname} count={{ value: nickname, limit: NICKNAME_LIMIT }}>
            <Input
              className='login__nickname'
              value={nickname}
              clearable
              placeholder={t('login.nicknamePlaceholder')}
              onChange={(value) => {
                setNickname(value);
                form.clear('nickname');
              }}
              onConfirm={() => void signInNew()}
            />
          </FormField>
          <SubmitBar
            label={t('login.next')}
            onSubmit={() => void signInNew()}
            busy={busy === 'new'}
            disabled={busy !== null}
            buttonClassName='login__next'
            problems={form.problems}
            labels={{ nickname: t('profile.nickname') }}
          />
        </View>
      </View>
    </View>
  );
}

interface ErrorNoteProps {
  message: string;
}

function ErrorNote({ message }: ErrorNoteProps) {
  return (
    <View className='login__error' role='alert'>
      <Text>{message}</Text>
    </View>
  );
}
