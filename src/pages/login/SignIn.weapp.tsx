import { useEffect, useState } from 'react';
import Taro from '@tarojs/taro';
import { Button as NativeButton, Text, View } from '@tarojs/components';
import { Input } from '@nutui/nutui-react-taro';
import { AccountUpdateProfileInput } from '../../shared/schemas/account';
import { call, uploadAvatar } from '../../services/cloud';
import { FormField } from '../../components/FormField';
import { SubmitBar } from '../../components/SubmitBar';
import { useFormErrors } from '../../hooks/useFormErrors';
import { textLimit } from '../../utils/formLimits';
import { issueMessage } from '../../utils/schemaErrors';
import { UserAvatar } from '../../components/UserAvatar';
import { useAccount } from '../../hooks/useAccount';
import { errorMessage } from '../../hooks/useAsync';
import { useI18n } from '../../hooks/useI18n';
import { setAccount } from '../../stores/session';
import { communityPath, routes } from '../../utils/routes';

function stringDetail(detail: unknown, key: string): string | null {
  if (typeof detail !== 'object' || detail === null) return null;
  const value = (detail as Record<string, unknown>)[key];
  return typeof value === 'string' ? value : null;
}

/**
 * weapp: WeChat already identified the user, so "sign in" is WeChat's avatar-and-nickname fill-in: the avatar from
 * <button open-type="chooseAvatar"> and the nickname from <input type="nickname">, both
 * privacy components: WeChat asks first through the PrivacyPopup that PageRoot mounts.
 */
/** The nickname's rule and limit, from the contract (AccountUpdateProfileInput.nickname). */
const NICKNAME = AccountUpdateProfileInput.shape.nickname.unwrap();
const NICKNAME_LIMIT = textLimit(NICKNAME);

export function SignIn() {
  const { t } = useI18n();
  const form = useFormErrors<'nickname'>(['nickname']);
  const account = useAccount();
  const me = account.me?.account ?? null;
  const [avatarPath, setAvatarPath] = useState<string | null>(null);
  const [nickname, setNickname] = useState('');
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    if (me) setNickname((current) => current || me.nickname);
  }, [me]);

  const save = async () => {
    const name = nickname.trim();
    const checked = NICKNAME.safeParse(nickname);
    const issue = checked.success ? null : checked.error.issues[0];
    if (form.refuse({ nickname: issue ? (issue.code === 'too_big' ? issueMessage(t, issue, nickname) : t('profile.nicknameRequired')) : undefined })) return;
    setSaving(true);
    try {
      const avatar = avatarPath ? await uploadAvatar(avatarPath) : undefined;
      const next = await call('account.updateProfile', { nickname: name, ...(avatar ? { avatar } : {}) });
      setAccount(next);
      Taro.showToast({ title: t('common.saved'), icon: 'success' }).catch(() => undefined);
      if (!next.account.homeCommunity) await Taro.reLaunch({ url: communityPath(true) });
      else if (Taro.getCurrentPages().length > 1) await Taro.navigateBack();
      else await Taro.switchTab({ url: routes.me });
    } catch (error) {
      Taro.showToast({ title: errorMessage(error), icon: 'none', duration: 3000 }).catch(() => undefined);
    } finally {
      setSaving(false);
    }
  };

  return (
    <View className='login__body login__profile'>
      <Text className='login__intro login__intro--dark'>{t('profile.intro')}</Text>
      <View className='linli-card login__new'>
        <NativeButton
          className='login__avatar-button'
          openType='chooseAvatar'
          onChooseAvatar={(event) => {
            const url = stringDetail(event.detail, 'avatarUrl');
            if (url) setAvatarPath(url);
          }}
        >
          <UserAvatar name={nickname || me?.nickname || t('app.name')} src={avatarPath ?? me?.avatar} size='large' />
          <Text className='login__avatar-hint'>{t('profile.chooseAvatar')}</Text>
        </NativeButton>
        <FormField name='nickname' label={t('profile.nickname')} error={form.errors.nickname} count={{ value: nickname, limit: NICKNAME_LIMIT }} className='login__nickname-field'>
          <Input
            className='login__nickname'
            type='nickname'
            value={nickname}
            placeholder={t('profile.nicknamePlaceholder')}
            onChange={(value) => {
              setNickname(value);
              form.clear('nickname');
            }}
            // Picking the WeChat nickname from the keyboard fills the field without an input event.
            onBlur={(value) => setNickname(value)}
          />
        </FormField>
        <SubmitBar
          label={t('profile.save')}
          onSubmit={() => void save()}
          busy={saving}
          buttonClassName='login__next'
          problems={form.problems}
          labels={{ nickname: t('profile.nickname') }}
        />
      </View>
    </View>
  );
}
