/**
 * Several scheduled jobs behind one timer trigger. CloudBase allows one timer trigger per
 * function, so a function with several schedules declares one trigger that fires often enough
 * for all of them, and each job's own schedule in config.json (`jobs`); at every firing the
 * trigger runs the jobs whose schedule is due at the firing time. Each job can also be fired on
 * its own by name (the local cloud's `POST /api/dev/timers/<fn>/<job>`, and tests).
 */
import type { TimerHandler } from './createHandler';

/** CloudBase reads timer crons in China Standard Time (UTC+8, no daylight saving). */
const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000;

/** Field ranges of CloudBase's seven-field cron: second minute hour day month weekday year. */
const FIELDS: Array<{ min: number; max: number }> = [
  { min: 0, max: 59 },
  { min: 0, max: 59 },
  { min: 0, max: 23 },
  { min: 1, max: 31 },
  { min: 1, max: 12 },
  { min: 0, max: 6 },
  { min: 1970, max: 2199 },
];

function fieldMatches(spec: string, value: number, range: { min: number; max: number }, cron: string): boolean {
  return spec.split(',').some((part) => {
    const [base, stepText] = part.split('/') as [string, string | undefined];
    const step = stepText === undefined ? 1 : Number(stepText);
    let low: number;
    let high: number;
    if (base === '*') [low, high] = [range.min, range.max];
    else if (base.includes('-')) [low, high] = base.split('-').map(Number) as [number, number];
    else [low, high] = [Number(base), stepText === undefined ? Number(base) : range.max];
    // Names (MON, JAN) and L/W/# are not supported: a schedule using them is refused, not misread.
    if (![low, high, step].every(Number.isInteger) || step < 1) throw new Error(`unsupported cron field "${part}" in ${cron}`);
    return value >= low && value <= high && (value - low) % step === 0;
  });
}

/** Whether a seven-field CloudBase cron fires at `at` (to the second). */
export function cronMatches(cron: string, at: Date): boolean {
  const fields = cron.trim().split(/\s+/);
  if (fields.length !== 7) throw new Error(`timer cron must have 7 fields: ${cron}`);
  const t = new Date(at.getTime() + CHINA_OFFSET_MS);
  const values = [t.getUTCSeconds(), t.getUTCMinutes(), t.getUTCHours(), t.getUTCDate(), t.getUTCMonth() + 1, t.getUTCDay(), t.getUTCFullYear()];
  // Every field is read (no short cut) so an unsupported one is refused at its first use.
  return fields.map((spec, i) => fieldMatches(spec, values[i]!, FIELDS[i]!, cron)).every(Boolean);
}

export interface TimerJobs {
  /** The one timer trigger of the function (config.json `triggers`). */
  trigger: string;
  /** Each job's own schedule by name (config.json `jobs`). */
  schedules: Record<string, string>;
  run: Record<string, TimerHandler>;
}

/**
 * The `timers` of a function with several jobs: the trigger runs the due jobs one after the
 * other (so they never race each other on one instance), and each job answers its own name.
 * A job failing does not keep the later ones from running; the trigger then fails with it so
 * the platform logs the invocation as failed.
 */
export function timerJobs({ trigger, schedules, run }: TimerJobs): Record<string, TimerHandler> {
  for (const name of new Set([...Object.keys(schedules), ...Object.keys(run)])) {
    if (!(name in schedules) || !(name in run)) throw new Error(`timer job ${name} needs both a schedule in config.json and a handler`);
    // Jobs are chosen by the minute of the firing (below), so their schedules are whole minutes.
    if (schedules[name]!.trim().split(/\s+/)[0] !== '0') throw new Error(`timer job ${name}: the schedule's seconds field must be 0`);
  }
  const dispatcher: TimerHandler = async (now, firedAt) => {
    // The minute the trigger fired in: rounding to the second first keeps a local timer that woke
    // a millisecond early on the minute it was planned for; the minute (not the second) lets an
    // invocation by hand, at any second, run what is due in that minute.
    const second = Math.round((firedAt ?? now).getTime() / 1000) * 1000;
    const at = new Date(second - (second % 60_000));
    const results: Record<string, unknown> = {};
    const failures: string[] = [];
    for (const [name, cron] of Object.entries(schedules)) {
      if (!cronMatches(cron, at)) continue;
      try {
        results[name] = await run[name]!(now, at);
      } catch (error) {
        failures.push(`${name}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    if (failures.length > 0) throw new Error(`timer ${trigger}: ${failures.join('; ')}`);
    return results;
  };
  return { ...run, [trigger]: dispatcher };
}
