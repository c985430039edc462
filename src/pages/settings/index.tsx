import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Cell, CellGroup, Switch } from '@nutui/nutui-react-taro';
import { Checked } from '@nutui/icons-react-taro';
import type { Locale, MessageKey } from '../../locales';
import { PageRoot } from '../../components/PageRoot';
import { useI18n, useSettings } from '../../hooks/useI18n';
import { saveLanguage, sessionStore } from '../../stores/session';
import { useStore } from '../../stores/createStore';
import { setElderly, setLocale } from '../../stores/settings';
import './index.scss';
import { colors } from '../../styles/colors';

const LANGUAGES: ReadonlyArray<{ locale: Locale; label: MessageKey }> = [
  { locale: 'zh-CN', label: 'settings.chinese' },
  { locale: 'en', label: 'settings.english' },
];

/** Settings: language, elderly-friendly (large text) mode, about. Both settings persist on the device. */
export default function SettingsPage() {
  const { t, locale } = useI18n();
  const { elderly } = useSettings();
  // Staff grant roles by user id (package-staff/roles); this is where a person finds theirs.
  const userId = useStore(sessionStore).me?.account.id ?? null;
  return (
    <PageRoot titleKey='titles.settings' className='settings'>
      <View className='linli-section'>
        <Text className='linli-section__title'>{t('settings.language')}</Text>
        <CellGroup className='settings__group'>
          {LANGUAGES.map((language) => (
            <Cell
              key={language.locale}
              className={`settings__language settings__language--${language.locale}`}
              title={t(language.label)}
              extra={language.locale === locale ? <Checked size={22} color={colors.primary} /> : null}
              align='center'
              clickable
              onClick={() => {
                setLocale(language.locale);
                // Notices the server writes follow her language too.
                void saveLanguage(language.locale);
              }}
            />
          ))}
        </CellGroup>
      </View>

      <View className='linli-section'>
        <Text className='linli-section__title'>{t('settings.display')}</Text>
        <CellGroup className='settings__group'>
          <Cell
            className='settings__elderly'
            title={t('settings.elderly')}
            description={t('settings.elderlyHint')}
            align='center'
            extra={<Switch className='settings__elderly-switch' checked={elderly} onChange={(value) => setElderly(value)} ariaLabel={t('settings.elderly')} />}
          />
        </CellGroup>
      </View>

      <View className='linli-section'>
        <Text className='linli-section__title'>{t('settings.about')}</Text>
        <CellGroup className='settings__group'>
          <Cell title={t('settings.version')} extra={process.env.TARO_APP_VERSION ?? ''} />
          {userId ? (
            <Cell
              className='settings__user-id'
              title={t('moderation.roles.userId')}
              extra={userId}
              clickable
              onClick={() => void Taro.setClipboardData({ data: userId }).catch(() => undefined)}
            />
          ) : null}
        </CellGroup>
        <Text className='settings__about'>{t('settings.aboutText')}</Text>
      </View>
    </PageRoot>
  );
}
