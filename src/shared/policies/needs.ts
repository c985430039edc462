/**
 * Who may do what with a need, and the one table of its state moves. Served by the cloud function
 * `needs`. A need belongs to a community; the server resolves the caller's relation to it
 * (`NeedResource`) from the database, and the same abilities travel to the app.
 */
import type { NeedState } from '../schemas/needs';
import { hasStaffRoleOver, type PolicyActor, type RegionScope } from './actor';
import type { PolicySet } from './authorize';

/**
 * Every move of a need: the states it may leave and the one it enters. Commands write a move
 * only on the condition that the need is still in one of `from` (a conditional update or a
 * transaction), so two racing moves can never both win.
 */
export const NEED_TRANSITIONS = {
  claim: { from: ['open'], to: 'claimed' },
  accept: { from: ['claimed'], to: 'accepted' },
  decline: { from: ['claimed'], to: 'open' },
  done: { from: ['accepted'], to: 'done' },
  thank: { from: ['done'], to: 'thanked' },
  /** The timer, when the resident has not answered a done need for NEED_AUTO_CLOSE_DAYS. */
  close: { from: ['done'], to: 'closed' },
  withdraw: { from: ['open', 'claimed', 'accepted'], to: 'withdrawn' },
  /** The timer, when the need's last day passed before it was done. */
  expire: { from: ['open', 'claimed', 'accepted'], to: 'expired' },
} as const satisfies Record<string, { from: readonly NeedState[]; to: NeedState }>;
export type NeedMove = keyof typeof NEED_TRANSITIONS;

/** Whether a need in `state` may make `move`. */
export function canMove(state: NeedState, move: NeedMove): boolean {
  return (NEED_TRANSITIONS[move].from as readonly NeedState[]).includes(state);
}

/** A need as the policies see it, for one caller. */
export interface NeedResource extends RegionScope {
  state: NeedState;
  /** The caller is the resident, acts for her with her consent, or is the staff member who posted for her. */
  forResident: boolean;
  /** The caller is the volunteer who took it on, or leads the group that did. */
  claimer: boolean;
  /** The caller lives in the need's community. */
  neighbour: boolean;
  /** The need is addressed to one neighbour (asked from her time-bank offer) and not to the board. */
  addressed: boolean;
  /** The caller is that neighbour. */
  addressee: boolean;
}

/** Committee staff of the need's community (and staff above it) — the register's keepers. */
const committeeOver = (actor: PolicyActor, scope: RegionScope) => hasStaffRoleOver(actor, ['committee', 'street', 'county'], scope);

/**
 * Who may take the need on besides its resident's side: the neighbour it is addressed to while it
 * is, the community otherwise.
 */
const mayTakeOn = (n: NeedResource) => (n.addressed ? n.addressee : n.neighbour);

export const needPolicies = {
  // An addressed need is not on the board: neighbours other than the one asked never see it. The
  // committee still does (it keeps the queue and is told of needs nobody answers).
  'needs.view': (actor, n) => n.forResident || n.claimer || mayTakeOn(n) || committeeOver(actor, n),
  /** The address and phone: only the resident's side, whoever took it on, and the committee. */
  'needs.viewPrivate': (actor, n) => n.forResident || n.claimer || committeeOver(actor, n),
  'needs.claim': (_actor, n) => canMove(n.state, 'claim') && mayTakeOn(n) && !n.forResident,
  /** The neighbour asked declines: the need goes to the public board as an ordinary open one. */
  'needs.declineAddressed': (_actor, n) => canMove(n.state, 'claim') && n.addressed && n.addressee && !n.forResident,
  'needs.confirm': (_actor, n) => canMove(n.state, 'accept') && n.forResident,
  'needs.done': (_actor, n) => canMove(n.state, 'done') && n.claimer,
  'needs.thank': (_actor, n) => canMove(n.state, 'thank') && n.forResident,
  'needs.withdraw': (_actor, n) => canMove(n.state, 'withdraw') && n.forResident,
} satisfies PolicySet<NeedResource>;

/** A community's board as a whole. */
export interface NeedBoardResource extends RegionScope {
  /** The caller lives in the community. */
  neighbour: boolean;
  /** The community has the time bank on (community settings). */
  timeBank: boolean;
}

export const needBoardPolicies = {
  'needs.list': (actor, b) => b.neighbour || committeeOver(actor, b),
  'needs.queue': (actor, b) => committeeOver(actor, b),
  'needs.offers': (actor, b) => b.timeBank && (b.neighbour || committeeOver(actor, b)),
  'needs.offerPost': (_actor, b) => b.timeBank && b.neighbour,
} satisfies PolicySet<NeedBoardResource>;

/**
 * An open need nobody took on for this long surfaces to the committee (inbox notice once, and
 * the queue). Two days: long enough for groups to see it on the board over a weekend, short
 * enough that an elder's errand is not forgotten. A constant rather than a community setting
 * until a committee asks for another figure.
 */
export const NEED_UNCLAIMED_AFTER_HOURS = 48;

/**
 * A done need the resident neither thanks nor answers for this long is closed by the timer and
 * its helpers' hours go to review all the same: the helpers did the work, and an elder without a
 * phone may never open the app (issue 18). Thanking earlier sends them at once.
 */
export const NEED_AUTO_CLOSE_DAYS = 7;
