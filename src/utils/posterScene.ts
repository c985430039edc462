/**
 * A poster's mini-program code opens the group's or activity's page with the id as its scene
 * (cloudfunctions/_core/commands/posterCodes.ts). WeChat hands the scene to the page as the
 * URL-encoded `scene` option; a shared link or the app itself passes `id`.
 */
const ID = /^[A-Za-z0-9_-]{1,32}$/;

function decode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/** The id a page was opened for: its `id` option, else a poster code's `scene`; '' when neither is an id. */
export function pageIdOf(params: { id?: string; scene?: string }): string {
  if (params.id) return params.id;
  const scene = params.scene ? decode(params.scene.trim()) : '';
  return ID.test(scene) ? scene : '';
}

/** The poster page of a group or an activity (package-poster). */
export function posterPath(kind: 'group' | 'activity', id: string): string {
  return `/package-poster/poster/index?kind=${kind}&id=${encodeURIComponent(id)}`;
}
