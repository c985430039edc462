/**
 * The consent prompts the app can show and the templates the notifier sends with come from the
 * same settings (issue 14 item 2): every prompt topic of the contract (SubscribeTemplates) is
 * answered by account.me's subscribeTemplates() from the `LINLI_TEMPLATE_<KIND>_ID` of the kind
 * it stands for — the needs board's three included (post → need_claimed, claim → need_accepted,
 * time-bank offer → need_addressed) — and a kind without its variable is asked for by nobody.
 */
import { subscribeTemplates, templateMessageOf } from '../../cloudfunctions/_core/ports/wechat/templates';
import { renderNotice } from '../../cloudfunctions/_core/ports/noticeTexts';
import { SubscribeTemplates } from '../../src/shared/schemas/account';

const NEEDS = { LINLI_TEMPLATE_NEED_CLAIMED_ID: 'tpl-claimed', LINLI_TEMPLATE_NEED_ACCEPTED_ID: 'tpl-accepted', LINLI_TEMPLATE_NEED_ADDRESSED_ID: 'tpl-addressed' };
const OTHERS = {
  LINLI_TEMPLATE_REMINDER_ID: 'tpl-reminder',
  LINLI_TEMPLATE_SEAT_OFFER_ID: 'tpl-offer',
  LINLI_TEMPLATE_ROLLCALL_ID: 'tpl-rollcall',
  LINLI_TEMPLATE_GROUP_REVIEW_ID: 'tpl-group-review',
  LINLI_TEMPLATE_JOIN_DECISION_ID: 'tpl-join',
  LINLI_TEMPLATE_NOTICE_ID: 'tpl-notice',
  LINLI_TEMPLATE_CARE_OVERDUE_ID: 'tpl-care-overdue',
  LINLI_TEMPLATE_CARE_PAIRED_ID: 'tpl-care-paired',
};

const saved = { ...process.env };
afterEach(() => {
  for (const key of Object.keys(process.env)) if (key.startsWith('LINLI_TEMPLATE_') && !(key in saved)) delete process.env[key];
});

describe('subscribe templates by prompt topic', () => {
  it('answers every topic of the contract when every template is configured', () => {
    Object.assign(process.env, NEEDS, OTHERS);
    const topics = subscribeTemplates();
    expect(Object.keys(topics).sort()).toEqual(Object.keys(SubscribeTemplates.shape).sort());
    expect(topics).toMatchObject({ needClaimed: 'tpl-claimed', needAccepted: 'tpl-accepted', needAddressed: 'tpl-addressed', notice: 'tpl-notice' });
  });

  it('asks for no needs template that is not configured (the inbox alone then)', () => {
    Object.assign(process.env, OTHERS);
    const topics = subscribeTemplates();
    expect(topics).not.toHaveProperty('needClaimed');
    expect(topics).not.toHaveProperty('needAccepted');
    expect(topics).not.toHaveProperty('needAddressed');
  });

  it('fills a needs template in the recipient’s language, keyword types respected', () => {
    Object.assign(process.env, NEEDS, { LINLI_TEMPLATE_NEED_CLAIMED_KEYS: 'thing1:title,thing2:body,time3:sentAt' });
    const sentAt = new Date('2026-12-06T07:01:00Z');
    const zh = renderNotice('need_claimed', { need: '帮忙去药店买降压药', claimer: '北苑志愿服务队' }, 'zh-CN');
    const en = renderNotice('need_claimed', { need: '帮忙去药店买降压药', claimer: '北苑志愿服务队' }, 'en');
    expect(templateMessageOf({ kind: 'need_claimed', ...zh }, sentAt)).toEqual({
      templateId: 'tpl-claimed',
      data: { thing1: { value: '你的需求有人认领了' }, thing2: { value: expect.stringMatching(/^「帮忙去药店买降压药」已由.{0,9}…$/) }, time3: { value: '2026年12月6日 15:01' } },
    });
    // English for an English reader, fitted to a `thing` (≤ 20 characters).
    const thing = templateMessageOf({ kind: 'need_claimed', ...en }, sentAt)!.data.thing1!.value;
    expect(thing).toMatch(/^Someone took on /);
    expect(thing.length).toBeLessThanOrEqual(20);
  });
});
