/**
 * The check-in code's scene: `<first 25 chars of the activity id>.<6-digit code>` (WeChat's
 * scene holds at most 32 characters). It arrives as the page's `scene` option (URL-encoded by
 * WeChat), inside a scanned mini-program path, or inside the local cloud's H5 URL.
 */
export interface CheckinScene {
  /** The id prefix; activity ids are 25 characters ('a' + 24 hex), so it is the whole id. */
  activityId: string;
  code: string;
}

const SCENE = /^([A-Za-z0-9_-]{1,25})\.(\d{6})$/;

function decode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/** The scene of the page options, or null when it is not a check-in scene. */
export function parseScene(raw: string | undefined | null): CheckinScene | null {
  if (!raw) return null;
  // Decoded twice at most: WeChat encodes the scene, and an H5 URL may encode it again.
  const match = SCENE.exec(decode(decode(raw.trim())));
  return match ? { activityId: match[1]!, code: match[2]! } : null;
}

/** The scene inside what the camera read: a mini-program path or an H5 URL with `scene=`. */
export function sceneFromScan(text: string | undefined | null): CheckinScene | null {
  if (!text) return null;
  const direct = parseScene(text);
  if (direct) return direct;
  const match = /[?&]scene=([^&#\s]+)/.exec(text);
  return match ? parseScene(match[1]) : null;
}
