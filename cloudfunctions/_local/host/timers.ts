/**
 * Runs timer triggers on the cron schedules declared in config.json, like CloudBase does.
 * CloudBase cron has seven fields (with seconds and a year); the year must be `*` here.
 */
import { CronExpressionParser } from 'cron-parser';
import type { FunctionHost, TimerTrigger } from './functionHost';

/** The next fire time of a CloudBase cron expression after `from`. */
export function nextFireTime(cron: string, from: Date): Date {
  const fields = cron.trim().split(/\s+/);
  if (fields.length !== 7) throw new Error(`timer cron must have 7 fields: ${cron}`);
  if (fields[6] !== '*') throw new Error(`timer cron year must be *: ${cron}`);
  return CronExpressionParser.parse(fields.slice(0, 6).join(' '), { currentDate: from }).next().toDate();
}

export class TimerScheduler {
  private readonly handles = new Set<NodeJS.Timeout>();
  private stopped = false;

  constructor(
    private readonly host: FunctionHost,
    private readonly onError: (trigger: TimerTrigger, error: unknown) => void,
  ) {}

  start(): void {
    // Jobs behind a trigger run when their trigger fires, as on CloudBase, never on their own.
    for (const trigger of this.host.timerTriggers()) if (trigger.scheduled) this.schedule(trigger);
  }

  private schedule(trigger: TimerTrigger): void {
    if (this.stopped) return;
    const fireAt = nextFireTime(trigger.cron, new Date());
    const delay = Math.max(fireAt.getTime() - Date.now(), 0);
    // setTimeout cannot wait longer than ~24.8 days; re-plan in steps.
    const handle = setTimeout(async () => {
      this.handles.delete(handle);
      if (delay <= 2 ** 31 - 1) {
        try {
          // The planned time, as CloudBase stamps it: the jobs behind the trigger are chosen by it.
          await this.host.fireTimer(trigger, fireAt);
        } catch (error) {
          this.onError(trigger, error);
        }
      }
      this.schedule(trigger);
    }, Math.min(delay, 2 ** 31 - 1));
    handle.unref();
    this.handles.add(handle);
  }

  stop(): void {
    this.stopped = true;
    for (const handle of this.handles) clearTimeout(handle);
    this.handles.clear();
  }
}
