/**
 * The server's notice texts, per kind, in the two languages the app speaks (zh-CN, en). A notice
 * is stored with its kind and params, so the inbox renders it in the reader's language when she
 * reads it (and again in the other one if she switches), and a subscribe message is rendered in
 * the recipient's language when it is sent. Notices stored before this catalogue (title and body
 * only, no params) are shown as they were written.
 *
 * Params are plain strings and numbers (they are stored with the notice); instants are ISO
 * strings and are written as China time in the reader's language.
 */
import type { UserDoc } from '../repositories/users';
import { chinaDateTimeOf } from '../runtime/chinaDay';

export type NoticeLocale = UserDoc['locale'];
export type NoticeParams = Record<string, string | number>;

interface NoticeText {
  title: (p: NoticeParams) => string;
  body: (p: NoticeParams) => string;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** An ISO instant as China time to the minute: 12月6日 15:00 / 6 Dec 15:00. */
function when(iso: string | number | undefined, locale: NoticeLocale): string {
  const instant = new Date(typeof iso === 'number' ? iso : String(iso ?? ''));
  if (Number.isNaN(instant.getTime())) return '';
  const [day = '', time = ''] = chinaDateTimeOf(instant).split(' ');
  const [, month = '1', date = '1'] = day.split('-');
  return locale === 'en' ? `${Number(date)} ${MONTHS[Number(month) - 1]} ${time}` : `${Number(month)}月${Number(date)}日 ${time}`;
}

const s = (p: NoticeParams, key: string) => String(p[key] ?? '');

/** Hours from minutes, as people say them: 2, 1.5. */
const hoursOf = (minutes: string | number | undefined) => String(Math.round((Number(minutes ?? 0) / 60) * 100) / 100);

/**
 * What a moderation decision did to the author's content (`action`: hide, restore, warn, suspend;
 * a dismissal tells the reporters instead, kind `report`). An unknown action reads as "handled".
 */
const MODERATED_ZH: Record<string, string> = { hide: '已被隐藏', restore: '已恢复显示', warn: '收到警告', suspend: '已被暂停' };
const MODERATED_EN: Record<string, { title: string; body: string }> = {
  hide: { title: 'Your content was hidden', body: 'was hidden' },
  restore: { title: 'Your content is shown again', body: 'is shown again' },
  warn: { title: 'A warning about your content', body: 'received a warning' },
  suspend: { title: 'Your content was suspended', body: 'was suspended' },
};
const moderatedZh = (p: NoticeParams) => MODERATED_ZH[s(p, 'action')] ?? '已处理';
const moderatedEn = (p: NoticeParams) => MODERATED_EN[s(p, 'action')] ?? { title: 'Your content was reviewed', body: 'was reviewed' };

const zhCN = {
  signup_confirmed: { title: () => '报名成功', body: (p) => `「${s(p, 'activity')}」${when(p.startAt, 'zh-CN')} 在 ${s(p, 'place')}，请准时参加` },
  signup_waitlisted: { title: () => '已进入候补', body: (p) => `「${s(p, 'activity')}」名额已满，你是候补第 ${s(p, 'position')} 位；有空位时会通知你` },
  signup_pending: { title: () => '报名待审核', body: (p) => `「${s(p, 'activity')}」的报名已提交，等待组织者审核` },
  signup_cancelled: {
    title: () => '已取消报名',
    body: (p) => `你已取消「${s(p, 'activity')}」的报名${p.late ? '（开始前临时取消，计为迟取消）' : ''}`,
  },
  offer_confirmed: { title: () => '候补转正成功', body: (p) => `你已确认「${s(p, 'activity')}」的空位，报名成功` },
  seat_offer: { title: () => '候补转正机会', body: (p) => `「${s(p, 'activity')}」有空位了，请在 ${s(p, 'hours')} 小时内确认` },
  reminder_offer: { title: () => '候补空位即将过期', body: (p) => `「${s(p, 'activity')}」的空位将于 ${when(p.deadline, 'zh-CN')} 过期，请尽快确认` },
  offer_expired: { title: () => '候补名额已过期', body: (p) => `「${s(p, 'activity')}」的空位确认已超时，名额已顺延给下一位` },
  reminder_24h: { title: () => '明天有活动', body: (p) => `「${s(p, 'activity')}」${when(p.startAt, 'zh-CN')} 在 ${s(p, 'place')}` },
  reminder_2h: { title: () => '活动快开始了', body: (p) => `「${s(p, 'activity')}」${when(p.startAt, 'zh-CN')} 在 ${s(p, 'place')}` },
  signup_removed: { title: () => '你已被移出活动', body: (p) => `「${s(p, 'activity')}」的组织者已将你移出报名名单：${s(p, 'reason')}` },
  signup_rejected: { title: () => '报名未通过', body: (p) => `「${s(p, 'activity')}」的报名未通过审核` },
  signup_approved: {
    title: () => '报名已通过',
    body: (p) => (p.waitlisted ? `「${s(p, 'activity')}」名额已满，你已进入候补` : `「${s(p, 'activity')}」报名成功`),
  },
  activity_changed: { title: () => '活动信息有变化', body: (p) => `「${s(p, 'activity')}」的时间、地点或要求已更新，请查看` },
  activity_cancelled: { title: () => '活动已取消', body: (p) => `「${s(p, 'activity')}」已取消：${s(p, 'reason')}` },
  hours_credited: {
    title: () => '志愿时长已记录',
    body: (p) => `「${s(p, 'content')}」${hoursOf(p.minutes)} 小时已记入你的志愿记录${Number(p.credits) > 0 ? `，获得 ${s(p, 'credits')} 积分` : ''}`,
  },
  store_redeemed: { title: () => '兑换成功', body: (p) => `你已用 ${s(p, 'cost')} 积分兑换「${s(p, 'item')}」，请凭「我的兑换」中的取货码到社区领取` },
  store_picked_up: { title: () => '兑换物品已领取', body: (p) => `「${s(p, 'item')}」已领取，感谢你的志愿服务` },
  store_cancelled: { title: () => '兑换已取消', body: (p) => `「${s(p, 'item')}」的兑换已取消，${s(p, 'cost')} 积分已退回` },
  rollcall: {
    title: (p) => `应急召集：${s(p, 'title')}`,
    body: (p) => `${when(p.meetAt, 'zh-CN')} 在 ${s(p, 'place')} 集合，需要 ${s(p, 'needed')} 人。能否到场，请点开回复。`,
  },
  rollcall_closed: { title: (p) => `召集已结束：${s(p, 'title')}`, body: (p) => `「${s(p, 'title')}」已结束，感谢你的响应和付出！` },
  care_paired: {
    title: () => '新的结对关爱对象',
    body: (p) => `社区为${p.group ? `「${s(p, 'group')}」` : '你'}安排了一位结对关爱对象，请在“我的结对”中查看并按时探访`,
  },
  care_overdue: { title: () => '关爱探访已逾期', body: (p) => `服务对象 ${s(p, 'name')} 应在 ${s(p, 'dueDate')} 前探访，已逾期，请安排结对志愿者尽快上门` },
  group_review: {
    title: (p) => (p.approved ? '小组申请已通过' : '小组申请未通过'),
    body: (p) => (p.approved ? `「${s(p, 'group')}」已成立，你是队长。` : `「${s(p, 'group')}」未通过审核：${s(p, 'reason')}`),
  },
  join_decision: {
    title: (p) => (p.approved ? '入组申请已通过' : '入组申请未通过'),
    body: (p) => (p.approved ? `欢迎加入「${s(p, 'group')}」` : `「${s(p, 'group')}」：${s(p, 'reason') || '队长未通过你的申请'}`),
  },
  join_request: { title: () => '新的入组申请', body: (p) => `${s(p, 'nickname')} 申请加入「${s(p, 'group')}」` },
  member_removed: { title: () => '你已被移出小组', body: (p) => `「${s(p, 'group')}」：${s(p, 'reason')}` },
  leadership: { title: () => '你已成为队长', body: (p) => `「${s(p, 'group')}」的队长身份已转交给你` },
  hub_invite: { title: () => '枢纽组织邀请', body: (p) => `「${s(p, 'hub')}」邀请「${s(p, 'group')}」加入` },
  moderation: {
    title: (p) => `你的内容${moderatedZh(p)}`,
    body: (p) => `「${s(p, 'subject')}」${moderatedZh(p)}：${s(p, 'reason')}。如有异议，可在“我的 → 处理通知”中申诉一次。`,
  },
  appeal: {
    title: (p) => (p.upheld ? '申诉未通过' : '申诉已通过'),
    body: (p) => (p.upheld ? `「${s(p, 'subject')}」维持原处理：${s(p, 'reason')}` : `「${s(p, 'subject')}」已恢复：${s(p, 'reason')}`),
  },
  /** A committee notice (commands/notices): staff's own words, in the language they wrote them; urgent ones marked. */
  notice: { title: (p) => `${p.urgent ? '【紧急】' : ''}${s(p, 'title')}`, body: (p) => s(p, 'body') },
  report: {
    title: () => '你的举报已处理',
    body: (p) => `你举报的「${s(p, 'subject')}」经核查未发现违规，内容将继续显示。感谢你对社区的关心。`,
  },
  need_claimed: { title: () => '你的需求有人认领了', body: (p) => `「${s(p, 'need')}」已由「${s(p, 'claimer')}」认领，请确认是否接受` },
  need_accepted: { title: () => '需求方已确认', body: (p) => `「${s(p, 'need')}」的需求方已接受你的认领，请按约定提供帮助` },
  need_done: { title: () => '需求已完成', body: (p) => `「${s(p, 'need')}」已标记完成，请评价并致谢` },
  need_addressed: { title: () => '有邻居请你帮忙', body: (p) => `${s(p, 'resident')}看到你的服务意向，请你帮忙：「${s(p, 'need')}」。请点开查看，接下或婉拒` },
  need_addressed_declined: { title: () => '对方暂时无法帮忙', body: (p) => `「${s(p, 'need')}」对方暂时无法帮忙，已转为公开求助，其他邻居和组织可以认领` },
  need_unclaimed: { title: () => '有需求无人认领', body: (p) => `「${s(p, 'need')}」发布已超过 ${s(p, 'hours')} 小时仍无人认领，请协调` },
} satisfies Record<string, NoticeText>;

/** The kinds of notice the server writes: every notice is one of them. */
export type CataloguedKind = keyof typeof zhCN;

/** Every kind, for checks that each one reads in both languages. */
export const CATALOGUED_KINDS = Object.keys(zhCN) as CataloguedKind[];

/** English: every catalogued kind must have its text (the compiler checks). */
const en: Record<CataloguedKind, NoticeText> = {
  signup_confirmed: { title: () => 'You are signed up', body: (p) => `"${s(p, 'activity')}", ${when(p.startAt, 'en')} at ${s(p, 'place')}. Please be on time.` },
  signup_waitlisted: { title: () => 'You are on the waitlist', body: (p) => `"${s(p, 'activity')}" is full. You are number ${s(p, 'position')} on the waitlist; we will tell you when a place frees up.` },
  signup_pending: { title: () => 'Sign-up awaiting approval', body: (p) => `Your sign-up for "${s(p, 'activity')}" was sent; the organiser will review it.` },
  signup_cancelled: {
    title: () => 'Sign-up cancelled',
    body: (p) => `You cancelled your sign-up for "${s(p, 'activity')}"${p.late ? ' (shortly before the start: a late cancellation)' : ''}.`,
  },
  offer_confirmed: { title: () => 'Place confirmed', body: (p) => `You confirmed the place at "${s(p, 'activity')}". You are signed up.` },
  seat_offer: { title: () => 'A place is free for you', body: (p) => `A place at "${s(p, 'activity')}" is free. Please confirm within ${s(p, 'hours')} hours.` },
  reminder_offer: { title: () => 'Your offered place expires soon', body: (p) => `The place at "${s(p, 'activity')}" expires at ${when(p.deadline, 'en')}. Please confirm soon.` },
  offer_expired: { title: () => 'Offered place expired', body: (p) => `The place at "${s(p, 'activity')}" was not confirmed in time and went to the next person.` },
  reminder_24h: { title: () => 'Activity tomorrow', body: (p) => `"${s(p, 'activity')}", ${when(p.startAt, 'en')} at ${s(p, 'place')}` },
  reminder_2h: { title: () => 'Activity starts soon', body: (p) => `"${s(p, 'activity')}", ${when(p.startAt, 'en')} at ${s(p, 'place')}` },
  signup_removed: { title: () => 'Removed from an activity', body: (p) => `The organiser of "${s(p, 'activity')}" removed you from the list: ${s(p, 'reason')}` },
  signup_rejected: { title: () => 'Sign-up not approved', body: (p) => `Your sign-up for "${s(p, 'activity')}" was not approved.` },
  signup_approved: {
    title: () => 'Sign-up approved',
    body: (p) => (p.waitlisted ? `"${s(p, 'activity')}" is full; you are on the waitlist.` : `You are signed up for "${s(p, 'activity')}".`),
  },
  activity_changed: { title: () => 'Activity changed', body: (p) => `The time, place or requirements of "${s(p, 'activity')}" have changed. Please have a look.` },
  activity_cancelled: { title: () => 'Activity cancelled', body: (p) => `"${s(p, 'activity')}" was cancelled: ${s(p, 'reason')}` },
  hours_credited: {
    title: () => 'Volunteer hours recorded',
    body: (p) => `${hoursOf(p.minutes)} h for "${s(p, 'content')}" were added to your volunteer record${Number(p.credits) > 0 ? `, earning ${s(p, 'credits')} credits` : ''}.`,
  },
  store_redeemed: { title: () => 'Item redeemed', body: (p) => `You redeemed "${s(p, 'item')}" for ${s(p, 'cost')} credits. Show the pickup code under "My redemptions" at the community office.` },
  store_picked_up: { title: () => 'Item picked up', body: (p) => `"${s(p, 'item')}" was picked up. Thank you for volunteering.` },
  store_cancelled: { title: () => 'Redemption cancelled', body: (p) => `The redemption of "${s(p, 'item')}" was cancelled; ${s(p, 'cost')} credits were returned.` },
  rollcall: {
    title: (p) => `Call-out: ${s(p, 'title')}`,
    body: (p) => `Meet at ${s(p, 'place')}, ${when(p.meetAt, 'en')}; ${s(p, 'needed')} people needed. Tap to answer whether you can come.`,
  },
  rollcall_closed: { title: (p) => `Call-out closed: ${s(p, 'title')}`, body: (p) => `"${s(p, 'title')}" is over. Thank you for answering the call!` },
  care_paired: {
    title: () => 'A new person to care for',
    body: (p) => `The community paired ${p.group ? `"${s(p, 'group')}"` : 'you'} with a person in care. See "My pairs" and visit on time.`,
  },
  care_overdue: { title: () => 'A care visit is overdue', body: (p) => `${s(p, 'name')} was due a visit by ${s(p, 'dueDate')} and is overdue. Please ask the paired volunteers to visit soon.` },
  group_review: {
    title: (p) => (p.approved ? 'Group application approved' : 'Group application not approved'),
    body: (p) => (p.approved ? `"${s(p, 'group')}" is founded and you are its leader.` : `"${s(p, 'group')}" was not approved: ${s(p, 'reason')}`),
  },
  join_decision: {
    title: (p) => (p.approved ? 'Join request approved' : 'Join request not approved'),
    body: (p) => (p.approved ? `Welcome to "${s(p, 'group')}".` : `"${s(p, 'group')}": ${s(p, 'reason') || 'the leader did not approve your request'}`),
  },  join_request: { title: () => 'New join request', body: (p) => `${s(p, 'nickname')} asked to join "${s(p, 'group')}".` },
  member_removed: { title: () => 'Removed from a group', body: (p) => `"${s(p, 'group')}": ${s(p, 'reason')}` },
  leadership: { title: () => 'You are now the leader', body: (p) => `You are now the leader of "${s(p, 'group')}"; the leadership was handed over to you.` },
  hub_invite: { title: () => 'Invitation from a hub', body: (p) => `"${s(p, 'hub')}" invited "${s(p, 'group')}" to join it.` },
  moderation: {
    title: (p) => moderatedEn(p).title,
    // "Me → Moderation notices": the tab and page as the English app names them (src/locales).
    body: (p) => `"${s(p, 'subject')}" ${moderatedEn(p).body}: ${s(p, 'reason')}. If you disagree, you may appeal once under Me → Moderation notices.`,
  },
  appeal: {
    title: (p) => (p.upheld ? 'Appeal not accepted' : 'Appeal accepted'),
    body: (p) => (p.upheld ? `The decision on "${s(p, 'subject')}" stands: ${s(p, 'reason')}` : `"${s(p, 'subject')}" is restored: ${s(p, 'reason')}`),
  },
  notice: { title: (p) => `${p.urgent ? '[Urgent] ' : ''}${s(p, 'title')}`, body: (p) => s(p, 'body') },
  report: {
    title: () => 'Your report was looked into',
    body: (p) => `We checked "${s(p, 'subject')}", which you reported, and found nothing against the rules, so it stays visible. Thank you for caring about your community.`,
  },
  need_claimed: { title: () => 'Someone took on your need', body: (p) => `"${s(p, 'need')}" was taken on by "${s(p, 'claimer')}". Please confirm whether you accept.` },
  need_accepted: { title: () => 'The resident accepted', body: (p) => `The resident accepted your offer to help with "${s(p, 'need')}". Please help as agreed.` },
  need_done: { title: () => 'Your need was done', body: (p) => `"${s(p, 'need')}" was marked done. Please rate it and say thanks.` },
  need_addressed: { title: () => 'A neighbour asks for your help', body: (p) => `${s(p, 'resident')} saw your offer and asks for your help: "${s(p, 'need')}". Tap to take it on or decline.` },
  need_addressed_declined: { title: () => 'The neighbour cannot help this time', body: (p) => `"${s(p, 'need')}": the neighbour you asked cannot help this time. It is now on the public board for other neighbours and groups.` },
  need_unclaimed: { title: () => 'A need nobody took on', body: (p) => `"${s(p, 'need')}" has waited over ${s(p, 'hours')} hours with nobody taking it on. Please help find someone.` },
};

const catalogue: Record<NoticeLocale, Record<CataloguedKind, NoticeText>> = { 'zh-CN': zhCN, en };

/** True when the catalogue has texts for this kind. */
export function isCatalogued(kind: string): kind is CataloguedKind {
  return Object.prototype.hasOwnProperty.call(zhCN, kind);
}

/** The language of a user document; anything unknown reads as Chinese. */
export function noticeLocaleOf(user: { locale?: string } | null | undefined): NoticeLocale {
  return user?.locale === 'en' ? 'en' : 'zh-CN';
}

/**
 * The title and body of a catalogued notice in a language. A copy sent to the proxy who signed
 * the resident up (`onBehalf`) says so in front; one for the proxies of a resident without a
 * phone names her (`forName`: 为 X).
 */
export function renderNotice(kind: CataloguedKind, params: NoticeParams, locale: NoticeLocale): { title: string; body: string } {
  const text = catalogue[locale][kind];
  const body = text.body(params);
  // A copy for a resident without a smartphone, sent to her proxies, names her (`forName`).
  const forName = typeof params.forName === 'string' && params.forName ? (locale === 'en' ? `(For ${params.forName}) ` : `（为 ${params.forName}）`) : '';
  const prefix = forName || (params.onBehalf ? (locale === 'en' ? '(Signed up on their behalf) ' : '（代报名）') : '');
  return { title: text.title(params), body: `${prefix}${body}` };
}

/**
 * What to show of a stored notice: rendered in the reader's language when it carries its kind's
 * params, otherwise (a notice stored before the catalogue, or a kind outside it) as written.
 */
export function noticeTextFor(stored: { kind: string; title: string; body: string; params?: NoticeParams | null }, locale: NoticeLocale): { title: string; body: string } {
  if (stored.params && isCatalogued(stored.kind)) return renderNotice(stored.kind, stored.params, locale);
  return { title: stored.title, body: stored.body };
}
