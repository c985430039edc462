import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import type { RegionTreeNode } from '../../shared/schemas/regions';
import { ChoiceChips } from '../../components/ChoiceChips';
import { FormField } from '../../components/FormField';
import { RegionSelect } from '../../components/RegionSelect';
import { findPath } from '../../components/CommunityPicker/tree';
import { useI18n } from '../../hooks/useI18n';
import type { FieldErrors, GroupFormValues } from './groupForm';

export interface PlacementFieldProps {
  values: GroupFormValues;
  errors: FieldErrors;
  roots: RegionTreeNode[];
  onChange: (changes: Partial<GroupFormValues>) => void;
}

/** "street · community" of a node, for the row that shows the current choice. */
function placeName(roots: RegionTreeNode[], id: string | null, separator: string): string | null {
  if (!id) return null;
  const path = findPath(roots, id);
  if (!path) return null;
  // Skip the county: everyone here lives in the same one.
  return path.slice(path.length > 1 ? 1 : 0).map((node) => node.name).join(separator);
}

/**
 * Where the group belongs: its community by default (the founder's); a hub organization may
 * instead belong to a street, and then it cannot be community-managed.
 */
export function PlacementField({ values, errors, roots, onChange }: PlacementFieldProps) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const atStreet = values.type === 'hub' && values.placement === 'street';
  const level = atStreet ? 'street' : 'community';
  const currentId = atStreet ? values.streetId : values.communityId;
  const name = placeName(roots, currentId, t('common.separator'));

  const select = (node: RegionTreeNode) => {
    onChange(atStreet ? { streetId: node.id } : { communityId: node.id });
    setOpen(false);
  };

  return (
    <>
      {values.type === 'hub' ? (
        <FormField name='placement' label={t('registry.form.placement')} hint={t('registry.form.placementHint')}>
          <ChoiceChips
            options={[
              { value: 'community', label: t('registry.form.placementCommunity') },
              { value: 'street', label: t('registry.form.placementStreet') },
            ]}
            value={values.placement}
            onChange={(placement) => onChange({ placement })}
          />
        </FormField>
      ) : null}
      <FormField
        name={atStreet ? 'streetId' : 'communityId'}
        label={t(atStreet ? 'registry.form.street' : 'registry.form.community')}
        required
        error={atStreet ? errors.streetId : errors.communityId}
      >
        <View className='leader-place' role='button' onClick={() => setOpen(true)}>
          <Text className={name ? 'leader-place__name' : 'leader-place__name leader-place__name--empty'}>{name ?? t('registry.form.choose')}</Text>
          <Text className='leader-place__change'>{t('registry.form.change')}</Text>
        </View>
      </FormField>
      <RegionSelect visible={open} level={level} roots={roots} currentId={currentId} onSelect={select} onClose={() => setOpen(false)} />
    </>
  );
}
