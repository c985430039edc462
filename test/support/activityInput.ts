/**
 * What the activities and signups HTTP tests both post: a valid `activities.create` input two days
 * ahead, and the activities function's timers fired by hand through the local cloud's dev face.
 * Shared so the two files (split by function, issue 17) do not each carry a copy.
 */
export const HOUR = 3600_000;
export const inHours = (h: number) => new Date(Date.now() + h * HOUR).toISOString();

export function activityInput(groupId: string, overrides: Record<string, unknown> = {}) {
  return {
    groupId,
    title: '周末护河行动',
    description: '沿南湖步道捡拾垃圾，发放环保宣传单，提供手套和夹子。',
    category: 'environment',
    startAt: inHours(48),
    endAt: inHours(50),
    location: { name: '南湖公园东门', address: '城关街道南湖路 1 号', latitude: 30.1, longitude: 120.2 },
    capacity: 2,
    volunteer: { plannedHours: 2, creditsPerHour: 10 },
    ...overrides,
  };
}

/** Fires one timer of the activities function now, as its trigger would (cloudfunctions/_local dev route). */
export async function fireActivitiesTimer(cloudUrl: string, timer: string) {
  return (await fetch(`${cloudUrl}/api/dev/timers/activities/${timer}`, { method: 'POST' })).json();
}
