import { Input } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import { call } from '../../services/cloud';
import { useAsync } from '../../hooks/useAsync';
import { useI18n } from '../../hooks/useI18n';
import { ChoiceChips } from '../ChoiceChips';

export interface GridAreaPickerProps {
  /** The community whose grid areas are offered; null while it is not known. */
  communityId: string | null;
  value: string;
  onChange: (value: string) => void;
  /** The label of "no grid area" (the whole community for a roll-call, none for a volunteer). */
  noneLabel: string;
  /** For the free-text fallback: a community without an imported list, or the list failing to load. */
  placeholder?: string;
  inputClassName?: string;
}

/** The chip value of "no grid area": grid areas are non-empty text, so '' never names one. */
const NONE = '';

/**
 * Choose a grid area from the community's imported list (regions.gridAreas) instead of typing
 * it, so a volunteer's grid and a roll-call's target are spelt the same. A value from before the
 * import that is not on the list is offered as it is, selected, so saving keeps it (the server
 * accepts a value already stored). Without a list — not imported yet, or not loaded — it is the
 * free-text field it always was (the server still checks against the list if one exists).
 */
export function GridAreaPicker({ communityId, value, onChange, noneLabel, placeholder, inputClassName }: GridAreaPickerProps) {
  const { t } = useI18n();
  const list = useAsync(() => call('regions.gridAreas', { communityId: communityId ?? '' }), [communityId], { enabled: communityId !== null });
  if (communityId !== null && list.loading && !list.data) {
    return <Text className='linli-grid-areas__loading'>{t('common.loading')}</Text>;
  }
  const offered = list.data?.gridAreas ?? [];
  if (offered.length === 0) {
    return <Input className={inputClassName} value={value} placeholder={placeholder} onChange={onChange} />;
  }
  const current = value.trim();
  const legacy = current !== '' && !offered.includes(current) ? [current] : [];
  return (
    <View className='linli-grid-areas'>
      <ChoiceChips
        options={[{ value: NONE, label: noneLabel }, ...[...offered, ...legacy].map((area) => ({ value: area, label: area }))]}
        value={current}
        onChange={onChange}
      />
    </View>
  );
}
