/** Timer triggers: CloudBase's seven-field cron, and every declared trigger parses. */
import { FunctionHost } from '../../cloudfunctions/_local/host/functionHost';
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
