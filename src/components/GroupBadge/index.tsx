import type { ReactNode } from 'react';
import { View } from '@tarojs/components';
import { Category, Gardener, Gift, Heart, Service, ShieldCheck, Star } from '@nutui/icons-react-taro';
import type { GroupType } from '../../shared/schemas/groups';
import { TYPE_COLORS } from '../../utils/groupStyle';
import './index.scss';
import { colors } from '../../styles/colors';

export interface GroupBadgeProps {
  type: GroupType;
  size?: 'normal' | 'large';
}

/** A picture for each type (group names in one community often share their first character). */
function iconFor(type: GroupType, size: number): ReactNode {
  const props = { size, color: colors.onPrimary };
  switch (type) {
    case 'service':
      return <Service {...props} />;
    case 'charity':
      return <Gift {...props} />;
    case 'mutual_aid':
      return <Heart {...props} />;
    case 'safety':
      return <ShieldCheck {...props} />;
    case 'culture_sports':
      return <Star {...props} />;
    case 'rural_tech':
      return <Gardener {...props} />;
    case 'hub':
      return <Category {...props} />;
  }
}

/** The coloured square at the start of a group card or page. */
export function GroupBadge({ type, size = 'normal' }: GroupBadgeProps) {
  return (
    <View className={`linli-group-badge linli-group-badge--${size}`} style={{ background: TYPE_COLORS[type].strong }}>
      {iconFor(type, size === 'large' ? 30 : 24)}
    </View>
  );
}
