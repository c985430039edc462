import { ScrollView, Text, View } from '@tarojs/components';
import { GroupType } from '../../shared/schemas/groups';
import { useI18n } from '../../hooks/useI18n';
import { cx } from '../../utils/cx';
import './index.scss';
import { pressable } from '../Pressable';

export interface TypeFilterProps {
  value: GroupType | null;
  onChange: (value: GroupType | null) => void;
}

const TYPES: readonly GroupType[] = GroupType.options;

/** "All" plus the seven types of community social organization, as a scrolling row of chips. */
export function TypeFilter({ value, onChange }: TypeFilterProps) {
  const { t } = useI18n();
  const chips: Array<{ key: string; type: GroupType | null; label: string }> = [
    { key: 'all', type: null, label: t('groupTypes.all') },
    ...TYPES.map((type) => ({ key: type, type, label: t(`groupTypes.${type}`) })),
  ];
  return (
    <ScrollView className='linli-type-filter' scrollX enhanced showScrollbar={false}>
      <View className='linli-type-filter__row'>
        {chips.map((chip) => {
          const active = chip.type === value;
          return (
            <View
              key={chip.key}
              className={cx('linli-pressable', 'linli-type-filter__chip', active && 'linli-type-filter__chip--active')}
              data-type={chip.key}
              aria-pressed={active ? 'true' : 'false'}
              onClick={() => onChange(chip.type)}
              {...pressable(() => onChange(chip.type))}
            >
              <Text>{chip.label}</Text>
            </View>
          );
        })}
      </View>
    </ScrollView>
  );
}
