import { useEffect, useState } from 'react';
import { Text, View } from '@tarojs/components';
import { Button, Cell, CellGroup } from '@nutui/nutui-react-taro';
import { ArrowRight, Checked, Location } from '@nutui/icons-react-taro';
import type { RegionTreeNode } from '../../shared/schemas/regions';
import { call } from '../../services/cloud';
import { useAsync } from '../../hooks/useAsync';
import { useI18n } from '../../hooks/useI18n';
import { cx } from '../../utils/cx';
import { EmptyState, ErrorState, LoadingState } from '../StateView';
import { findPath, levelLabelKey } from './tree';
import './index.scss';
import { colors } from '../../styles/colors';

export interface CommunityPickerProps {
  /** The community chosen before (pre-selected), if any. */
  currentId: string | null;
  saving: boolean;
  onSave: (community: RegionTreeNode) => void;
}

/**
 * County → street/township → community/village, one level at a time in large rows (easier
 * for elderly residents than a three-column wheel). A breadcrumb goes back up.
 */
export function CommunityPicker({ currentId, saving, onSave }: CommunityPickerProps) {
  const { t } = useI18n();
  const tree = useAsync(() => call('regions.tree', {}), []);
  const roots = tree.data?.roots ?? null;
  const [path, setPath] = useState<RegionTreeNode[]>([]);
  const [picked, setPicked] = useState<RegionTreeNode | null>(null);

  // Open the tree where the user is now, or inside the only county there is.
  useEffect(() => {
    if (!roots) return;
    const found = currentId ? findPath(roots, currentId) : null;
    if (found) {
      setPath(found.slice(0, -1));
      setPicked(found[found.length - 1] ?? null);
    } else if (roots.length === 1 && roots[0]!.children.length > 0) {
      setPath([roots[0]!]);
    }
  }, [roots, currentId]);

  if (tree.loading) return <LoadingState cards={2} />;
  if (tree.error) return <ErrorState message={tree.error} onRetry={() => void tree.reload()} />;
  if (!roots || roots.length === 0) return <EmptyState title={t('community.empty')} icon={<Location size={40} color={colors.decoration} />} />;

  const options = path.length === 0 ? roots : path[path.length - 1]!.children;
  const nextLevel = options[0]?.level ?? 'community';

  const choose = (node: RegionTreeNode) => {
    if (node.level === 'community' || node.children.length === 0) {
      setPicked(node);
    } else {
      setPath([...path, node]);
      setPicked(null);
    }
  };

  return (
    <View className='linli-community-picker'>
      <View className='linli-community-picker__crumbs'>
        {path.map((node, index) => (
          <View key={node.id} className='linli-community-picker__crumb' role='button' onClick={() => setPath(path.slice(0, index))}>
            <Text>{node.name}</Text>
            <ArrowRight size={12} color={colors.ink3} />
          </View>
        ))}
        <View className='linli-community-picker__crumb linli-community-picker__crumb--current'>
          <Text>{`${t('community.pick')} ${t(levelLabelKey(nextLevel))}`}</Text>
        </View>
      </View>

      <CellGroup className='linli-community-picker__list'>
        {options.map((node) => {
          const selected = picked?.id === node.id;
          const isLeaf = node.level === 'community' || node.children.length === 0;
          const kind = node.kind ? t(node.kind === 'urban' ? 'community.urban' : 'community.rural') : null;
          const note = node.id === currentId ? t('community.current') : kind;
          return (
            <Cell
              key={node.id}
              className={cx('linli-community-picker__option', selected && 'linli-community-picker__option--selected')}
              title={
                <View className='linli-community-picker__name' data-region-id={node.id}>
                  <Text className='linli-community-picker__title'>{node.name}</Text>
                  {note ? <Text className='linli-community-picker__note'>{note}</Text> : null}
                </View>
              }
              extra={<OptionMark leaf={isLeaf} selected={selected} />}
              align='center'
              clickable
              onClick={() => choose(node)}
            />
          );
        })}
      </CellGroup>

      <View className='linli-community-picker__bar'>
        {picked ? (
          <Text className='linli-community-picker__summary'>{[...path.slice(1), picked].map((n) => n.name).join(t('common.separator'))}</Text>
        ) : null}
        <Button
          className='linli-community-picker__save'
          type='primary'
          size='large'
          block
          disabled={!picked || saving}
          loading={saving}
          onClick={() => picked && onSave(picked)}
        >
          {t('community.save')}
        </Button>
      </View>
    </View>
  );
}

interface OptionMarkProps {
  leaf: boolean;
  selected: boolean;
}

/** A tick on the chosen community; an arrow on levels that open further. */
function OptionMark({ leaf, selected }: OptionMarkProps) {
  if (!leaf) return <ArrowRight size={16} color={colors.ink3} />;
  return selected ? <Checked size={22} color={colors.primary} /> : null;
}
