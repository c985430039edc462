/** Short texts about an activity that cards and pages share (seats, volunteer hours). */
import type { ActivityCard } from '../shared/schemas/activities';
import type { Translate } from '../locales';

/** '剩 3 个名额' / '已满 · 候补 2 人' / '已满'. */
export function seatsText(t: Translate, card: Pick<ActivityCard, 'seatsLeft' | 'waitlistLength' | 'capacity'>): string {
  if (card.seatsLeft > 0) return t('events.card.seatsLeft', { count: card.seatsLeft, capacity: card.capacity });
  if (card.waitlistLength > 0) return t('events.card.fullWaitlist', { count: card.waitlistLength });
  return t('events.card.full');
}

/** '志愿 2 小时 · 每小时 10 积分' (or without credits), null for a non-volunteer activity. */
export function volunteerText(t: Translate, volunteer: ActivityCard['volunteer']): string | null {
  if (!volunteer) return null;
  return volunteer.creditsPerHour > 0
    ? t('events.card.volunteerCredits', { hours: volunteer.plannedHours, credits: volunteer.creditsPerHour })
    : t('events.card.volunteerHours', { hours: volunteer.plannedHours });
}

const RELATIONS = ['family', 'grid_worker', 'neighbour'] as const;
export type Relation = (typeof RELATIONS)[number];

/** A proxy's relation as a locale key; an unknown one reads as a neighbour. */
export function relationKey(relation: string): Relation {
  return RELATIONS.find((known) => known === relation) ?? 'neighbour';
}
