/**
 * Where a group meets, as its leaders set it when founding and editing: a name and an address,
 * and a point on the map so "Nearest" (home.sortNearest) can sort the group. On the mini-program WeChat's map
 * picker gives all four (`Taro.chooseLocation`, declared in app.config's requiredPrivateInfos);
 * on H5 the browser's position marks the point (converted to GCJ-02 by utils/nearPlace, the
 * datum the picker answers in) and the name and address are typed.
 */
import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button, Input } from '@nutui/nutui-react-taro';
import { Location } from '@nutui/icons-react-taro';
import { FormField } from '../../components/FormField';
import { useI18n } from '../../hooks/useI18n';
import { chooseNearPlace } from '../../utils/nearPlace';
import type { MeetingPlaceValue } from './groupForm';

export interface MeetingPlaceFieldProps {
  value: MeetingPlaceValue;
  error?: string | null;
  onChange: (value: MeetingPlaceValue) => void;
}

export function MeetingPlaceField({ value, error, onChange }: MeetingPlaceFieldProps) {
  const { t } = useI18n();
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const onMap = value.latitude !== null && value.longitude !== null;

  const pickOnMap = async () => {
    try {
      const picked = await Taro.chooseLocation({});
      onChange({ name: picked.name || value.name, address: picked.address || value.address, latitude: picked.latitude, longitude: picked.longitude });
    } catch {
      // Closing the map picker changes nothing.
    }
  };

  const markHere = async () => {
    setBusy(true);
    setProblem(null);
    try {
      const outcome = await chooseNearPlace(null);
      if ('place' in outcome) onChange({ ...value, latitude: outcome.place.latitude, longitude: outcome.place.longitude });
      else if (outcome.failed === 'unavailable') setProblem(t('registry.form.placeUnavailable'));
    } finally {
      setBusy(false);
    }
  };

  const hasAnything = value.name !== '' || value.address !== '' || onMap;
  return (
    <View className='meeting-place'>
      <FormField name='place' label={t('registry.form.meetingPlace')} hint={t('registry.form.meetingPlaceHint')} error={error}>
        {/* Read at render (the build makes it a constant), as the activity form does. */}
        {process.env.TARO_ENV === 'weapp' ? (
          <Button className='meeting-place__map' fill='outline' type='primary' block icon={<Location size={18} />} onClick={() => void pickOnMap()}>
            {onMap ? t('registry.form.placeChosen') : t('registry.form.placeOnMap')}
          </Button>
        ) : (
          <Button className='meeting-place__here' fill='outline' type='primary' block loading={busy} disabled={busy} icon={<Location size={18} />} onClick={() => void markHere()}>
            {onMap ? t('registry.form.placeHereChosen') : t('registry.form.placeUseHere')}
          </Button>
        )}
        {problem ? (
          <View className='leader-note leader-note--error meeting-place__problem' role='alert'>
            {problem}
          </View>
        ) : null}
        {onMap ? null : <Text className='leader-note meeting-place__off-map'>{t('registry.form.placeNotOnMap')}</Text>}
      </FormField>
      <FormField name='placeName' label={t('registry.form.placeName')}>
        <Input className='leader-input meeting-place__name' value={value.name} maxLength={50} placeholder={t('registry.form.placeNamePlaceholder')} onChange={(name) => onChange({ ...value, name })} />
      </FormField>
      <FormField name='placeAddress' label={t('registry.form.placeAddress')}>
        <Input
          className='leader-input meeting-place__address'
          value={value.address}
          maxLength={120}
          placeholder={t('registry.form.placeAddressPlaceholder')}
          onChange={(address) => onChange({ ...value, address })}
        />
      </FormField>
      {hasAnything ? (
        <View className='meeting-place__clear' role='button' onClick={() => onChange({ name: '', address: '', latitude: null, longitude: null })}>
          <Text>{t('registry.form.placeClear')}</Text>
        </View>
      ) : null}
    </View>
  );
}
