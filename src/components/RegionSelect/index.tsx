import { useEffect, useState } from 'react';
import { ScrollView, Text, View } from '@tarojs/components';
import { Cell, CellGroup, Popup } from '@nutui/nutui-react-taro';
import { ArrowLeft, ArrowRight, Checked } from '@nutui/icons-react-taro';
import type { RegionLevel, RegionTreeNode } from '../../shared/schemas/regions';
import { useI18n } from '../../hooks/useI18n';
import { cx } from '../../utils/cx';
import { findPath } from '../CommunityPicker/tree';
import { EmptyState } from '../StateView';
import './index.scss';
import { colors } from '../../styles/colors';

export interface RegionSelectProps {
  visible: boolean;
  /** The level to pick: a community (village) or, for a street-level hub, a street (township). */
  level: Extract<RegionLevel, 'community' | 'street'>;
  roots: RegionTreeNode[];
  currentId: string | null;
  onSelect: (node: RegionTreeNode) => void;
  onClose: () => void;
}

/** A bottom sheet that walks county → street → community one level at a time and picks one node. */
export function RegionSelect({ visible, level, roots, currentId, onSelect, onClose }: RegionSelectProps) {
  const { t } = useI18n();
  const [path, setPath] = useState<RegionTreeNode[]>([]);

  // Open where the current choice is, or inside the only county there is.
  useEffect(() => {
    if (!visible) return;
    const found = currentId ? findPath(roots, currentId) : null;
    if (found) setPath(found.slice(0, -1));
    else if (roots.length === 1 && roots[0]!.level !== level) setPath([roots[0]!]);
    else setPath([]);
  }, [visible, roots, currentId, level]);

  const options = path.length === 0 ? roots : path[path.length - 1]!.children;
  const choose = (node: RegionTreeNode) => {
    if (node.level === level) onSelect(node);
    else if (node.children.length > 0) setPath([...path, node]);
  };

  return (
    <Popup className='linli-region-select' visible={visible} position='bottom' round title={t('registry.regionSelect.title')} closeable onClose={onClose}>
      {path.length > 0 ? (
        <View className='linli-region-select__back' role='button' onClick={() => setPath(path.slice(0, -1))}>
          <ArrowLeft size={14} color={colors.ink2} />
          <Text>{path.map((node) => node.name).join(t('common.separator'))}</Text>
        </View>
      ) : null}
      <ScrollView className='linli-region-select__list' scrollY>
        {options.length === 0 ? (
          <EmptyState title={t('registry.regionSelect.empty')} />
        ) : (
          <CellGroup>
            {options.map((node) => {
              const pickable = node.level === level;
              const selected = node.id === currentId;
              return (
                <Cell
                  key={node.id}
                  className={cx('linli-region-select__option', selected && 'linli-region-select__option--selected')}
                  title={
                    <Text className='linli-region-select__name' data-region-id={node.id}>
                      {node.name}
                    </Text>
                  }
                  extra={pickable ? selected ? <Checked size={20} color={colors.primary} /> : null : <ArrowRight size={16} color={colors.ink3} />}
                  align='center'
                  clickable
                  onClick={() => choose(node)}
                />
              );
            })}
          </CellGroup>
        )}
      </ScrollView>
    </Popup>
  );
}
