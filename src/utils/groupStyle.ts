/** One colour per group type: card badge and type tag (dark on light, ≥ 4.5:1 contrast). */
import type { GroupType } from '../shared/schemas/groups';

export const TYPE_COLORS: Record<GroupType, { strong: string; soft: string }> = {
  service: { strong: '#c2410c', soft: '#fff4e6' },
  charity: { strong: '#c2255c', soft: '#fff0f6' },
  mutual_aid: { strong: '#2b8a3e', soft: '#ebfbee' },
  safety: { strong: '#1864ab', soft: '#e7f5ff' },
  culture_sports: { strong: '#5f3dc4', soft: '#f3f0ff' },
  rural_tech: { strong: '#5c940d', soft: '#f4fce3' },
  hub: { strong: '#0b7285', soft: '#e3fafc' },
};
