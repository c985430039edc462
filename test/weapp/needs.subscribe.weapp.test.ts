/**
 * Issue 14 item 2 in the built mini-program (dist/weapp): taking a need on asks, inside the tap
 * and before the claim's cloud call, for the one message it gives rise to — that the resident
 * accepted the helper (`needAccepted`, the template account.me sent). WeChat shows the prompt only
 * while the tap's handler runs; see subscribe.weapp.test.ts for how the tap is marked.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { NeedView } from '../../src/shared/schemas/needs';
import { account } from '../components/support/fixtures';
import { DIST, inTheTap, loadPage, tapMarked, waitFor } from './harness';

if (!existsSync(join(DIST, 'package-needs', 'detail', 'index.js'))) throw new Error(`${DIST}/package-needs is missing: run \`node config/build-app.mjs weapp\``);

const NEED_ID = 'nd-weapp-1';
const TEMPLATES = { needAccepted: 'tmpl-need-accepted-01', needClaimed: 'tmpl-need-claimed-02', reminder: 'tmpl-reminder-03' };

function need(overrides: Partial<NeedView> = {}): NeedView {
  const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
  return {
    id: NEED_ID, what: '帮忙去药店买降压药', category: 'errands', whenFrom: today, whenTo: today, state: 'open', communityId: 'cm-beiyuan',
    createdAt: new Date().toISOString(), residentName: '李＊', postedForResident: false, claimer: null, addressedTo: null, place: null, phone: null,
    location: null, doneAt: null, photo: null, helpers: [], rating: null, thanks: null, unclaimedLong: false, overdue: false,
    abilities: ['needs.view', 'needs.claim'], ...overrides,
  };
}

interface CallFunctionParam {
  name: string;
  data: { action: string; input: Record<string, unknown>; requestId?: string };
}

describe('weapp build: the subscribe prompt on taking a need on', () => {
  beforeEach(() => {
    jest.resetModules();
    jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    jest.spyOn(console, 'log').mockImplementation(() => undefined);
  });
  afterEach(() => jest.restoreAllMocks());

  it('我来帮忙 asks for the acceptance message inside the tap, before the claim call, and only for it', async () => {
    const events: string[] = [];
    const ok = (data: unknown) => ({ result: { ok: true, data } });
    const callFunction = jest.fn(async ({ data }: CallFunctionParam) => {
      events.push(`call ${data.action}`);
      if (data.action === 'account.me') return ok({ ...account(), subscribeTemplates: TEMPLATES });
      if (data.action === 'needs.get') return ok(need());
      if (data.action === 'memberships.mine') return ok({ groups: [], requests: [] });
      if (data.action === 'needs.claim') return ok(need({ state: 'claimed', claimer: { kind: 'volunteer', id: 'u-me', name: '我' }, abilities: ['needs.view', 'needs.withdrawClaim'] }));
      return { result: { ok: false, error: { code: 'NOT_FOUND', message: 'unexpected' } } };
    });
    const requestSubscribeMessage = jest.fn((option: { tmplIds: string[]; success?: (answer: Record<string, string>) => void; complete?: () => void }) => {
      events.push('requestSubscribeMessage');
      const answer: Record<string, string> = { errMsg: 'requestSubscribeMessage:ok' };
      for (const id of option.tmplIds) answer[id] = 'accept';
      option.success?.(answer);
      option.complete?.();
    });
    const { page } = loadPage('package-needs/detail/index', { wx: { cloud: { init: jest.fn(), callFunction }, requestSubscribeMessage }, query: { id: NEED_ID } });

    await waitFor(() => page.dom.textContent?.includes('帮忙去药店买降压药'));
    await waitFor(() => events.includes('call account.me'));
    const claim = await waitFor(() => page.querySelector('.need-detail__claim'));
    expect(requestSubscribeMessage).not.toHaveBeenCalled();

    await tapMarked(claim, events);
    expect(inTheTap(events)).toContain('requestSubscribeMessage');
    expect(requestSubscribeMessage).toHaveBeenCalledTimes(1);
    expect(requestSubscribeMessage.mock.calls[0]![0].tmplIds).toEqual([TEMPLATES.needAccepted]);
    await waitFor(() => events.includes('call needs.claim'));
    expect(events.indexOf('requestSubscribeMessage')).toBeLessThan(events.indexOf('call needs.claim'));
  });
});
