/** Routes of the needs subpackage (home entry, notices and the pages link here) and how a need's dates read. */
export const needRoutes = {
  board: '/package-needs/board/index',
  post: '/package-needs/post/index',
  /** The post form asking the author of a time-bank offer (请TA帮忙). */
  askOffer: (offerId: string) => `/package-needs/post/index?offerId=${encodeURIComponent(offerId)}`,
  detail: (id: string) => `/package-needs/detail/index?id=${encodeURIComponent(id)}`,
};

/** When a need is wanted: one day, or a window (YYYY-MM-DD ~ YYYY-MM-DD). */
export function needWhenText(need: { whenFrom: string; whenTo: string }): string {
  return need.whenFrom === need.whenTo ? need.whenFrom : `${need.whenFrom} ~ ${need.whenTo}`;
}
