/** Tests' handle on the emulated WeChat of a started local cloud (its /api/dev/wechat routes). */

export interface SentMessage {
  openid: string;
  templateId: string;
  page: string | null;
  data: Record<string, { value: string }>;
  at: string;
}

export interface IssuedCode {
  page: string;
  scene: string;
  content: string;
}

async function dev<T>(url: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${url}/api/dev/wechat/${path}`, body === undefined ? {} : { method: 'POST', body: JSON.stringify(body) });
  if (!response.ok) throw new Error(`dev route ${path}: HTTP ${response.status}`);
  return ((await response.json()) as { data: T }).data;
}

/** Subscribe messages the emulated WeChat accepted, newest first. */
export const sentMessages = (url: string, openid?: string) => dev<SentMessage[]>(url, `messages${openid ? `?openid=${encodeURIComponent(openid)}` : ''}`);

/** Mini-program codes issued, newest first. */
export const issuedCodes = (url: string) => dev<IssuedCode[]>(url, 'codes');

/** Tells the emulated WeChat which errors to answer next (an empty list clears them). */
export const setWeChatFaults = (url: string, faults: Array<{ api?: string; openid?: string; errcode: number | 'timeout'; times?: number; delayMs?: number }>) =>
  dev<unknown>(url, 'faults', { faults });

/**
 * Waits for a condition that depends on other processes (a pushed verdict, a timer's work):
 * asks again until it holds, giving up after `tries` attempts. No fixed sleeps: each attempt is
 * a real round trip, with only a short pause between.
 */
export async function waitFor(condition: () => Promise<boolean>, tries = 100): Promise<void> {
  for (let i = 0; i < tries; i += 1) {
    if (await condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('condition not reached');
}
