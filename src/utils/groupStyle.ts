/** One colour per group type: card badge and type tag (dark on light, ≥ 4.5:1 contrast; values in src/styles/_tokens.scss). */
import { GroupType } from '../shared/schemas/groups';
import { typeColor } from '../styles/colors';

export const TYPE_COLORS = Object.fromEntries(GroupType.options.map((type) => [type, typeColor(type)])) as Record<GroupType, { strong: string; soft: string }>;
