/**
 * Issue 14 item 5: the subscribe prompt in the built mini-program (dist/weapp). WeChat shows
 * wx.requestSubscribeMessage only when it is called inside a tap
 * (https://developers.weixin.qq.com/miniprogram/dev/api/open-api/subscribe-message/wx.requestSubscribeMessage.html),
 * so tapping 立即报名 must call it synchronously in the tap handler — before the sign-up's
 * cloud call and before any await — with the template ids account.me sent.
 *
 * j-component (under miniprogram-simulate) delivers a tap one microtask after dispatchEvent
 * ("模拟异步情况", node_modules/j-component/src/render/component.js), to the element's DOM node and
 * then, in the same run, to the page's handler. So the test marks the tap on the DOM node and
 * queues a microtask there: it runs only after the handler has returned, and anything the
 * handler does after an await comes later still. The prompt must land between the two marks.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { account } from '../components/support/fixtures';
import { activityDetail, mySignup } from '../components/support/eventFixtures';
import { DIST, inTheTap, loadPage, tapMarked as tap, waitFor } from './harness';

if (!existsSync(join(DIST, 'app.js'))) throw new Error(`${DIST} is missing: run \`node config/build-app.mjs weapp\``);

interface CallFunctionParam {
  name: string;
  data: { action: string; input: Record<string, unknown>; requestId?: string };
}

interface SubscribeOption {
  tmplIds: string[];
  success?: (answer: Record<string, string>) => void;
  fail?: (error: { errMsg: string }) => void;
  complete?: () => void;
}

const ID = 'a0123456789abcdef01234567';
const TEMPLATES = { reminder: 'tmpl-reminder-0001', offer: 'tmpl-offer-0002', rollcall: 'tmpl-rollcall-0003' };

/** The page's cloud calls and the prompt, in the order they happened. */
function wechat(detail: ReturnType<typeof activityDetail>, signedUp: 'confirmed' | 'waitlisted') {
  const events: string[] = [];
  const ok = (data: unknown) => ({ result: { ok: true, data } });
  const callFunction = jest.fn(async ({ data }: CallFunctionParam) => {
    events.push(`call ${data.action}`);
    if (data.action === 'account.me') return ok({ ...account(), subscribeTemplates: TEMPLATES });
    if (data.action === 'activities.get') return ok(detail);
    if (data.action === 'proxies.list') return ok({ canActFor: [], actingForMe: [] });
    if (data.action === 'signups.create') {
      return ok({ activityId: ID, mySignup: mySignup({ status: signedUp, waitlistPosition: signedUp === 'waitlisted' ? 1 : null }), seatsLeft: 0, waitlistLength: 1 });
    }
    return { result: { ok: false, error: { code: 'NOT_FOUND', message: 'unexpected' } } };
  });
  const requestSubscribeMessage = jest.fn((option: SubscribeOption) => {
    events.push('requestSubscribeMessage');
    const answer: Record<string, string> = { errMsg: 'requestSubscribeMessage:ok' };
    for (const id of option.tmplIds) answer[id] = 'accept';
    option.success?.(answer);
    option.complete?.();
  });
  return { events, callFunction, requestSubscribeMessage };
}

describe('weapp build: the subscribe prompt on signing up', () => {
  beforeEach(() => {
    jest.resetModules();
    jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    jest.spyOn(console, 'log').mockImplementation(() => undefined);
  });
  afterEach(() => jest.restoreAllMocks());

  it('tapping 立即报名 asks for the reminder inside the tap, before the sign-up call', async () => {
    const { events, callFunction, requestSubscribeMessage } = wechat(activityDetail({ id: ID }), 'confirmed');
    const { page } = loadPage('pages/activity/index', { wx: { cloud: { init: jest.fn(), callFunction }, requestSubscribeMessage }, query: { id: ID } });

    await waitFor(() => page.dom.textContent?.includes('周末护河行动'));
    // the templates arrive with account.me (its answer is stored before the page can be tapped)
    await waitFor(() => events.includes('call account.me') && events.includes('call activities.get'));
    const signUp = await waitFor(() => page.querySelector('.activity__action'));
    expect(page.dom.textContent).toContain('立即报名');
    expect(requestSubscribeMessage).not.toHaveBeenCalled();

    await tap(signUp, events);
    // synchronously, in the tap: WeChat refuses the prompt once the handler has returned
    expect(inTheTap(events)).toContain('requestSubscribeMessage');
    expect(requestSubscribeMessage).toHaveBeenCalledTimes(1);
    expect(requestSubscribeMessage.mock.calls[0]![0].tmplIds).toEqual([TEMPLATES.reminder]);

    await waitFor(() => events.includes('call signups.create'));
    expect(events.indexOf('requestSubscribeMessage')).toBeLessThan(events.indexOf('call signups.create'));
    await waitFor(() => page.dom.textContent?.includes('报名成功，请准时参加'));
    expect(requestSubscribeMessage).toHaveBeenCalledTimes(1);
  });

  it('joining the waitlist asks for the reminder and the seat offer together, in one prompt', async () => {
    const { events, callFunction, requestSubscribeMessage } = wechat(activityDetail({ id: ID, seatsLeft: 0, waitlistLength: 1 }), 'waitlisted');
    const { page } = loadPage('pages/activity/index', { wx: { cloud: { init: jest.fn(), callFunction }, requestSubscribeMessage }, query: { id: ID } });

    await waitFor(() => page.dom.textContent?.includes('名额已满，加入候补'));
    await waitFor(() => events.includes('call account.me'));
    const join = await waitFor(() => page.querySelector('.activity__action'));

    await tap(join, events);
    expect(inTheTap(events)).toContain('requestSubscribeMessage');
    expect(requestSubscribeMessage).toHaveBeenCalledTimes(1);
    expect(requestSubscribeMessage.mock.calls[0]![0].tmplIds).toEqual([TEMPLATES.reminder, TEMPLATES.offer]);

    await waitFor(() => events.includes('call signups.create'));
    expect(events.indexOf('requestSubscribeMessage')).toBeLessThan(events.indexOf('call signups.create'));
  });
});
