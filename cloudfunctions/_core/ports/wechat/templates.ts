/**
 * Which subscribe-message template each notice kind uses, and how a notice fills its keywords.
 * All in configuration, because template ids are issued per mini-program (mp.weixin.qq.com →
 * 订阅消息 → 我的模板) and each template has its own keyword keys:
 *
 * - `LINLI_TEMPLATE_<KIND>_ID`: the template id for notices of that kind (kind upper-cased,
 *   e.g. `LINLI_TEMPLATE_SEAT_OFFER_ID`). A kind `a_b` with no id of its own falls back to
 *   `LINLI_TEMPLATE_A_ID` (every `reminder_<when>` to `LINLI_TEMPLATE_REMINDER_ID`). No id: the
 *   notice stays in the inbox only.
 * - `LINLI_TEMPLATE_<KIND>_KEYS` (same fallback): the keyword keys and what fills each,
 *   `key:source` comma-separated, e.g. `thing1:title,thing2:body,time3:sentAt`. Sources:
 *   `title`, `body`, `sentAt` (when it is sent), or `=text` for fixed text. Default
 *   `thing1:title,thing2:body`.
 *
 * Values are then fitted to their keyword type (./keywords.ts): a `thing` is cut to 20
 * characters, a `time` written as China time, and so on.
 */
import { formatKeyword } from './keywords';

export interface TemplateMessage {
  templateId: string;
  data: Record<string, { value: string }>;
}

const DEFAULT_KEYS = 'thing1:title,thing2:body';

/** The environment value of a kind's setting, with the fallback to its first word. */
function setting(kind: string, name: 'ID' | 'KEYS'): string | undefined {
  const upper = kind.toUpperCase().replace(/[^A-Z0-9]+/g, '_');
  const own = process.env[`LINLI_TEMPLATE_${upper}_${name}`];
  if (own) return own;
  const family = upper.split('_')[0];
  return family && family !== upper ? process.env[`LINLI_TEMPLATE_${family}_${name}`] || undefined : undefined;
}

/** The template id of a notice kind, or null when none is configured (inbox only). */
export function templateIdOf(kind: string): string | null {
  return setting(kind, 'ID')?.trim() || null;
}

/** The notice kind each consent prompt topic stands for (src/shared/schemas/account.ts SubscribeTemplates). */
const TOPIC_KINDS = {
  reminder: 'reminder_24h',
  offer: 'seat_offer',
  rollcall: 'rollcall',
  groupReview: 'group_review',
  joinDecision: 'join_decision',
  notice: 'notice',
  needClaimed: 'need_claimed',
  needAccepted: 'need_accepted',
  needAddressed: 'need_addressed',
  // Care (docs/care.md): the committee registering or pairing a person → her overdue visits;
  // a volunteer registering → being paired with someone to visit.
  careOverdue: 'care_overdue',
  carePaired: 'care_paired',
} as const;

/**
 * The templates the app asks consent for, by prompt topic, with the notice kind each stands for:
 * sign-up → reminder and seat offer; volunteer registration and roll-call → call-out (and, at
 * registration, a care pairing); founding a group and applying to join → the review result;
 * registering or pairing a person in care → her overdue visits; posting a need → its claim;
 * taking one on → the resident's acceptance; offering help on the time bank → a neighbour's
 * request (docs/wechat.md, "Needs and committee notices"). From the same settings the notifier
 * sends with, so the consent asked is for the template that is sent.
 */
export function subscribeTemplates(): Partial<Record<keyof typeof TOPIC_KINDS, string>> {
  const kinds = TOPIC_KINDS;
  const out: Partial<Record<keyof typeof kinds, string>> = {};
  for (const [topic, kind] of Object.entries(kinds) as Array<[keyof typeof kinds, string]>) {
    const id = templateIdOf(kind);
    if (id) out[topic] = id;
  }
  return out;
}

/** The template message of a notice, or null when its kind has no template configured. */
export function templateMessageOf(notice: { kind: string; title: string; body: string }, sentAt: Date): TemplateMessage | null {
  const templateId = templateIdOf(notice.kind);
  if (!templateId) return null;
  const data: Record<string, { value: string }> = {};
  for (const pair of (setting(notice.kind, 'KEYS') ?? DEFAULT_KEYS).split(',')) {
    const [key, source] = pair.split(':').map((part) => part.trim());
    if (!key || !source) continue;
    const raw = source.startsWith('=') ? source.slice(1) : source === 'sentAt' ? sentAt : source === 'title' ? notice.title : source === 'body' ? notice.body : '';
    data[key] = { value: formatKeyword(key, raw) };
  }
  return { templateId, data };
}
