/** Timer triggers: CloudBase's seven-field cron, one trigger per function, jobs behind a trigger. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CronExpressionParser } from 'cron-parser';
import { cronMatches, timerJobs } from '../../cloudfunctions/_core/pipeline/timerJobs';
import { projectRoot } from '../../cloudfunctions/_local/host/config';
import { deployableFunctions, FunctionHost } from '../../cloudfunctions/_local/host/functionHost';
import { nextFireTime } from '../../cloudfunctions/_local/host/timers';

test('seven-field CloudBase cron (with seconds and year) gives the next fire time', () => {
  const from = new Date('2026-11-22T10:15:30.000Z');
  expect(nextFireTime('0 17 * * * * *', from).toISOString()).toBe('2026-11-22T10:17:00.000Z');
  expect(nextFireTime('*/10 * * * * * *', from).toISOString()).toBe('2026-11-22T10:15:40.000Z');
  expect(() => nextFireTime('0 * * * *', from)).toThrow('timer cron must have 7 fields');
  expect(() => nextFireTime('0 0 1 * * * 2027', from)).toThrow('timer cron year must be *');
});

test('every timer trigger declared in config.json parses', () => {
  const triggers = new FunctionHost().timerTriggers();
  expect(triggers.map((t) => `${t.fn}.${t.name}`)).toContain('system.sweepExpired');
  for (const trigger of triggers) expect(nextFireTime(trigger.cron, new Date()).getTime()).toBeGreaterThan(Date.now());
});

/** config.json of every deployable function, as the deploy and the local cloud read it. */
function configs(): Array<{ fn: string; triggers: Array<{ name: string; type: string; config: string }>; jobs: Record<string, string> }> {
  return deployableFunctions().map((fn) => {
    const config = JSON.parse(readFileSync(join(projectRoot, 'cloudfunctions', fn, 'config.json'), 'utf8')) as {
      triggers?: Array<{ name: string; type: string; config: string }>;
      jobs?: Record<string, string>;
    };
    return { fn, triggers: config.triggers ?? [], jobs: config.jobs ?? {} };
  });
}

test('CloudBase allows one timer trigger per function: every config.json declares at most one', () => {
  const all = configs();
  expect(all.length).toBeGreaterThan(10);
  const over = all.filter(({ triggers }) => triggers.filter((t) => t.type === 'timer').length > 1).map(({ fn }) => fn);
  expect(over).toEqual([]);
});

test('jobs behind a trigger are due only at times the trigger fires, and the bundle matcher agrees with cron-parser', () => {
  const withJobs = configs().filter(({ jobs }) => Object.keys(jobs).length > 0);
  expect(withJobs.map(({ fn }) => fn)).toContain('activities');
  for (const { fn, triggers, jobs } of withJobs) {
    expect({ fn, triggers: triggers.length }).toEqual({ fn, triggers: 1 });
    const trigger = triggers[0]!.config;
    // Two days of firings in CloudBase's time zone, minute by minute.
    const fires = CronExpressionParser.parse(trigger.split(/\s+/).slice(0, 6).join(' '), {
      currentDate: new Date('2026-11-21T15:59:59.000Z'),
      tz: 'Asia/Shanghai',
    });
    const fireTimes = new Set<number>();
    for (let i = 0; i < 2 * 24 * 60; i += 1) fireTimes.add(fires.next().toDate().getTime());
    for (const [job, cron] of Object.entries(jobs)) {
      const due = CronExpressionParser.parse(cron.split(/\s+/).slice(0, 6).join(' '), { currentDate: new Date('2026-11-21T15:59:59.000Z'), tz: 'Asia/Shanghai' });
      let count = 0;
      for (let at = due.next().toDate(); at.getTime() <= Math.max(...fireTimes); at = due.next().toDate()) {
        expect({ fn, job, at: at.toISOString(), onTrigger: fireTimes.has(at.getTime()) }).toEqual({ fn, job, at: at.toISOString(), onTrigger: true });
        count += 1;
      }
      expect(count).toBeGreaterThan(0);
      // The matcher in the bundle picks exactly cron-parser's times among the trigger's firings.
      const picked = [...fireTimes].filter((t) => cronMatches(cron, new Date(t))).length;
      expect({ fn, job, picked }).toEqual({ fn, job, picked: count });
    }
  }
});

test('cronMatches reads CloudBase crons in China Standard Time', () => {
  expect(cronMatches('0 */5 * * * * *', new Date('2026-11-22T12:05:00.000Z'))).toBe(true);
  expect(cronMatches('0 */5 * * * * *', new Date('2026-11-22T12:06:00.000Z'))).toBe(false);
  expect(cronMatches('0 */5 * * * * *', new Date('2026-11-22T12:05:01.000Z'))).toBe(false);
  expect(cronMatches('0 30 3 * * * *', new Date('2026-11-22T19:30:00.000Z'))).toBe(true);
  expect(cronMatches('0 30 3 * * * *', new Date('2026-11-22T03:30:00.000Z'))).toBe(false);
  expect(cronMatches('0 0 9 * * 1-5 *', new Date('2026-11-23T01:00:00.000Z'))).toBe(true); // Monday 09:00 CST
  expect(() => cronMatches('0 0 9 * * MON *', new Date())).toThrow('unsupported cron field');
});

test('the dispatcher runs each job whose schedule is due at the firing time; each job also answers its name', async () => {
  const ran: string[] = [];
  const timers = timerJobs({
    trigger: 'everyMinute',
    schedules: { often: '0 * * * * * *', rarely: '0 */5 * * * * *' },
    run: {
      often: async () => ran.push('often'),
      rarely: async () => ran.push('rarely'),
    },
  });
  expect(Object.keys(timers).sort()).toEqual(['everyMinute', 'often', 'rarely']);
  const now = new Date('2026-11-22T12:10:07.000Z');
  await timers.everyMinute!(now, new Date('2026-11-22T12:05:00.000Z'));
  expect(ran).toEqual(['often', 'rarely']);
  ran.length = 0;
  await timers.everyMinute!(now, new Date('2026-11-22T12:06:00.000Z'));
  expect(ran).toEqual(['often']);
  ran.length = 0;
  // A local timer waking a millisecond early still counts for the minute it was planned for.
  await timers.everyMinute!(now, new Date('2026-11-22T12:09:59.999Z'));
  expect(ran).toEqual(['often', 'rarely']);
  ran.length = 0;
  await timers.rarely!(now);
  expect(ran).toEqual(['rarely']);
  // By hand, at any second of a minute, the jobs due in that minute run.
  ran.length = 0;
  await timers.everyMinute!(now, new Date('2026-11-22T12:15:42.000Z'));
  expect(ran).toEqual(['often', 'rarely']);
  expect(() => timerJobs({ trigger: 't', schedules: { a: '0 * * * * * *' }, run: {} })).toThrow('timer job a needs both');
  expect(() => timerJobs({ trigger: 't', schedules: { a: '*/10 * * * * * *' }, run: { a: async () => 1 } })).toThrow('seconds field must be 0');
});

test('a failing job does not stop the jobs after it; the firing then fails', async () => {
  const ran: string[] = [];
  const timers = timerJobs({
    trigger: 'tick',
    schedules: { first: '0 * * * * * *', second: '0 * * * * * *' },
    run: {
      first: async () => {
        throw new Error('boom');
      },
      second: async () => ran.push('second'),
    },
  });
  await expect(timers.tick!(new Date(), new Date('2026-11-22T12:06:00.000Z'))).rejects.toThrow('timer tick: first: boom');
  expect(ran).toEqual(['second']);
});

test('the local scheduler runs triggers on their cron and lists the jobs behind them as fire-by-name only', () => {
  const all = new FunctionHost().timerTriggers();
  expect(all.filter((t) => t.fn === 'activities')).toEqual([
    { fn: 'activities', name: 'everyMinute', cron: '0 * * * * * *', scheduled: true },
    { fn: 'activities', name: 'expireOffers', cron: '0 * * * * * *', scheduled: false },
    { fn: 'activities', name: 'sendReminders', cron: '0 */5 * * * * *', scheduled: false },
  ]);
});
