/** Short texts about an activity that cards and pages share (seats, volunteer hours). */
import type { ActivityCard } from '../shared/schemas/activities';
import type { Translate } from '../locales';

type SeatFacts = Pick<ActivityCard, 'seatsLeft' | 'seatsOnOffer' | 'waitlistLength' | 'capacity' | 'endAt'>;

/** True once the activity is over (now past its end): its seats no longer mean anything. */
export function hasEnded(card: Pick<ActivityCard, 'endAt'>, now: number): boolean {
  return now > new Date(card.endAt).getTime();
}

/**
 * Seats offered to people from the waitlist and not yet confirmed, when no seat is free: they
 * are held, not open to a new sign-up (0 when a seat is free, or none is held).
 */
export function seatsHeld(card: Pick<ActivityCard, 'seatsLeft' | 'seatsOnOffer'>): number {
  return card.seatsLeft === 0 ? (card.seatsOnOffer ?? 0) : 0;
}

/** '剩 3 个名额' / '1 个名额正在等待候补确认' / '已满 · 候补 2 人' / '已满' / '活动已结束'. */
export function seatsText(t: Translate, card: SeatFacts, now: number): string {
  if (hasEnded(card, now)) return t('events.card.ended');
  if (card.seatsLeft > 0) return t('events.card.seatsLeft', { count: card.seatsLeft, capacity: card.capacity });
  const held = seatsHeld(card);
  if (held > 0) return t('events.card.held', { count: held });
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

const RELATIONS = ['family', 'grid_worker', 'neighbour', 'guardian'] as const;
export type Relation = (typeof RELATIONS)[number];

/** A proxy's relation as a locale key; an unknown one reads as a neighbour. */
export function relationKey(relation: string): Relation {
  return RELATIONS.find((known) => known === relation) ?? 'neighbour';
}

/**
 * '350 米' / '1.2 公里' / '12 公里': metres to the nearest 10 under a kilometre, one decimal
 * under 10 km, whole kilometres beyond (finer would be false precision for a map pin).
 */
export function distanceText(t: Translate, meters: number): string {
  const { unit, distance } = roundedDistance(meters);
  return unit === 'm' ? t('events.card.distanceMeters', { distance }) : t('events.card.distanceKm', { distance });
}

/** The rounding of `distanceText`, for lists that word distances their own way ("约 350 米" for groups). */
export function roundedDistance(meters: number): { unit: 'm' | 'km'; distance: string } {
  const tens = Math.max(10, Math.round(meters / 10) * 10);
  if (tens < 1000) return { unit: 'm', distance: String(tens) };
  const km = meters / 1000;
  return { unit: 'km', distance: km < 9.95 ? km.toFixed(1) : String(Math.round(km)) };
}
