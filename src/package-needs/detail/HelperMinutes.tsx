import { Text, View } from '@tarojs/components';
import { Input } from '@nutui/nutui-react-taro';
import { useI18n } from '../../hooks/useI18n';

export interface Helper {
  userId: string;
  name: string;
}

export interface HelperMinutesProps {
  helpers: Helper[];
  /** Minutes typed per helper id; an empty entry means she did not help. */
  minutes: Record<string, string>;
  onChange: (userId: string, value: string) => void;
}

/**
 * The time each helper served, one row a person: the volunteer herself for her own claim, the
 * claiming group's members for a group's (a row left empty is someone who did not come).
 */
export function HelperMinutes({ helpers, minutes, onChange }: HelperMinutesProps) {
  const { t } = useI18n();
  return (
    <View className='need-helpers'>
      {helpers.map((helper) => (
        <View key={helper.userId} className='need-helpers__row' data-helper-id={helper.userId}>
          <Text className='need-helpers__name'>{helper.name}</Text>
          <Input className='need-helpers__minutes' type='number' value={minutes[helper.userId] ?? ''} aria-label={t('needs.detail.done.minutes')} onChange={(v) => onChange(helper.userId, v)} />
          <Text className='need-helpers__unit'>{t('needs.detail.done.unit')}</Text>
        </View>
      ))}
    </View>
  );
}

/** The helpers with minutes typed, as `needs.done` takes them. */
export function helpersWithMinutes(minutes: Record<string, string>): Array<{ userId: string; minutes: number }> {
  return Object.entries(minutes)
    .filter(([, value]) => value.trim() !== '')
    .map(([userId, value]) => ({ userId, minutes: Number(value) }));
}
