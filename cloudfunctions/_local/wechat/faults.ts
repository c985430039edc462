/**
 * WeChat errors the emulated WeChat is told to answer (POST /api/dev/wechat/faults), so error
 * paths run in tests and by hand: 43101 (the user refused / has no subscription left), 40003
 * (invalid openid), 45009 (rate limit), 47003 (argument invalid), or `timeout` (the answer is
 * held back, so the caller's own timeout fires). Kept in the emulator thread's memory: a fresh
 * local cloud answers normally.
 */
export interface Fault {
  /** The open API it applies to (`subscribeMessage.send`, `wxacode.getUnlimited`, …); none = every API. */
  api?: string;
  /** Only calls for this openid (subscribe messages: `touser`). */
  openid?: string;
  errcode: number | 'timeout';
  /** How many calls it answers; -1 = until cleared. Default 1. */
  times?: number;
  /** For `timeout`: how long the answer is held back (ms; default 30 s). */
  delayMs?: number;
}

const faults: Fault[] = [];

/** Replaces (or with an empty list clears) the configured faults. */
export function setFaults(next: Fault[]): Fault[] {
  faults.splice(0, faults.length, ...next.map((f) => ({ times: 1, ...f })));
  return [...faults];
}

/** The fault to answer for this call, consuming one of its uses. */
export function takeFault(api: string, openid: string | undefined): Fault | null {
  const index = faults.findIndex((f) => (!f.api || f.api === api) && (!f.openid || f.openid === openid));
  if (index < 0) return null;
  const fault = faults[index]!;
  if (fault.times !== -1) {
    fault.times = (fault.times ?? 1) - 1;
    if (fault.times <= 0) faults.splice(index, 1);
  }
  return fault;
}

const MESSAGES: Record<number, string> = {
  40003: 'invalid openid',
  43101: 'user refuse to accept the msg',
  45009: 'reach max api daily quota limit',
  47003: 'argument invalid!',
};

/** WeChat's error body for an errcode. */
export function errorBody(errcode: number, detail?: string): { errcode: number; errmsg: string } {
  return { errcode, errmsg: `${MESSAGES[errcode] ?? 'system error'}${detail ? `: ${detail}` : ''} rid: local` };
}
