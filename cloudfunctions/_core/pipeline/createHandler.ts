/**
 * The entry of every cloud function: `main(event, context)` routes `event.action` through a
 * fixed gate order — authenticate → validate → resolve actor → rate limit → idempotency →
 * command (load, authorize, act, present) → check output → envelope — and logs one line. A
 * command's first request may go out beside the actor's (`headStarts`), undone unless the
 * command takes it: the gates still decide, in the same order.
 */
import { randomUUID } from 'node:crypto';
import type { ActionName, ActionSpec, Contract, OutputOf, ParsedInputOf } from '../../../src/shared/api/contract';
import type { Envelope } from '../../../src/shared/errors';
import { RequestId } from '../../../src/shared/schemas/common';
import * as z from '../../../src/shared/zod';
import { ANONYMOUS, ANSWERED_FROM_KEPT, isTimerInvocation, openidOf, resolveCountedActor, type Actor } from './actor';
import { errorBody, invalidInput, ok } from './envelope';
import { completeRequest, pruneOldMarks, releaseRequest, requestTicket, settleSeenRequest } from './idempotency';
import { digest, stableJson } from '../runtime/hash';
import { logCall, logEvent } from '../runtime/log';
import { consumeRateLimit, type RateLimit } from './rateLimit';
import { userIdOf } from '../repositories/users';
import { requestErrors } from '../../../src/shared/domainErrors';
import type { HeadStart } from '../runtime/headStart';

/**
 * A mutation's request, for a command that keeps its result with its own write (the sign-up
 * crowd: commands/signups/create.ts): the key to keep it under, and `kept()` to say it did — the pipeline then
 * stores no result of its own, and a retry asks the function's `keptResults` for it.
 */
export interface KeepableRequest {
  key: string;
  /** The digest of the input (kept beside the result: a resend replays it only for the same input). */
  inputHash: string;
  /** The envelope the pipeline will send for `output` (checked against the action's schema). */
  envelopeOf(output: unknown): string;
  kept(): void;
}

/** A result a command kept with its own write: the envelope's JSON and the digest of the input it answered. */
export interface KeptResult {
  answer: string;
  inputHash: string | null;
}

/** What a command receives: the trusted actor, the parsed input and the call's ids. */
export interface ActionContext<A extends ActionName> {
  actor: Actor;
  input: ParsedInputOf<A>;
  requestId: string | null;
  callId: string;
  now: Date;
  /** Set for a mutation (see KeepableRequest). */
  request?: KeepableRequest;
  /** What the function's head start for this action began beside the mark (FunctionDefinition.headStarts). */
  headStart?: HeadStart;
}

/** What a head start may know before the caller is loaded: who she will be, and her input. */
export interface HeadStartContext<A extends ActionName> {
  userId: string;
  input: ParsedInputOf<A>;
  now: Date;
}

export type ActionHandler<A extends ActionName> = (ctx: ActionContext<A>) => Promise<OutputOf<A>>;
export type ActionHandlers = { [A in ActionName]?: ActionHandler<A> };
/** `firedAt`: when the trigger was scheduled to fire (the event's `Time`), beside the clock's `now`. */
export type TimerHandler = (now: Date, firedAt?: Date) => Promise<unknown>;

export interface FunctionDefinition {
  fn: string;
  /**
   * The function's own slice of the contract (src/shared/api/<fn>.ts), not the merged contract:
   * a bundle then carries its own actions' schemas only (every function under the 300 KB budget
   * as functions are added); test/shared/contractLayout.test.ts checks each main passes its slice.
   */
  contract: Readonly<Partial<Contract>>;
  actions: ActionHandlers;
  /** Timer triggers by trigger name, as declared in the function's config.json. */
  timers?: Record<string, TimerHandler>;
  /**
   * Message-push events (消息推送) by `Event`, e.g. `wxa_media_check`: WeChat delivers them to
   * the function with `MsgType: 'event'` instead of an action. They carry no caller; a handler
   * must only act on what the server itself started (e.g. a trace id it holds).
   */
  pushEvents?: Record<string, (event: unknown) => Promise<unknown>>;
  /**
   * For actions whose commands keep their result with their own write (KeepableRequest): finds
   * the result kept for a request key — the envelope's JSON — or null when none was kept.
   */
  keptResults?: { [A in ActionName]?: (ctx: { userId: string; input: ParsedInputOf<A>; key: string }) => Promise<KeptResult | null> };
  /**
   * Per mutation, a command's first request to send beside the caller's mark (runtime/headStart.ts),
   * or null when this call should not have one. Only a request's first send gets one: a resend
   * (`attempt` > 1) is most likely a replay, which would only have to undo it.
   */
  headStarts?: { [A in ActionName]?: (ctx: HeadStartContext<A>) => HeadStart | null };
}

const DEFAULT_LIMITS: Record<'read' | 'write', RateLimit> = {
  read: { limit: 600, windowSeconds: 60 },
  write: { limit: 60, windowSeconds: 60 },
};

/** The event a client sends: the action, its input and, for mutations, a requestId. */
const CallEvent = z.object({
  action: z.string().max(64),
  input: z.unknown().optional(),
  requestId: z.unknown().optional(),
  /**
   * Which send of this request id it is (1 = the first; the app's transport counts its resends
   * after a network failure, src/services/cloud.ts). A hint for the server's work only: a resend
   * skips the head start, since its first send has most likely run.
   */
  attempt: z.number().int().min(1).max(100).optional(),
});

export type Main = (event: unknown, context: unknown) => Promise<Envelope<unknown> | { ok: true; timer: string; result: unknown }>;

/** Builds a function's `main` from its action handlers. */
export function createHandler(definition: FunctionDefinition): Main {
  const specs = definition.contract;
  for (const [name, spec] of Object.entries(specs)) {
    if (spec && spec.fn !== definition.fn) throw new Error(`function ${definition.fn}: its contract lists ${name}, served by ${spec.fn}`);
  }
  const expected = new Set(Object.keys(specs) as ActionName[]);
  const given = new Set(Object.keys(definition.actions));
  for (const name of new Set([...expected, ...given])) {
    if (!expected.has(name as ActionName) || !given.has(name)) {
      throw new Error(`function ${definition.fn}: handler set does not match the contract at ${name}`);
    }
  }

  return async function main(event, context) {
    if (isTimerInvocation(context)) return runTimer(definition, event);
    const push = pushEventOf(definition, event);
    if (push) return { ok: true as const, timer: 'push', result: await push(event) };
    const started = Date.now();
    const callId = readCallId(context);
    let action = '(none)';
    let actorId: string | null = null;
    let replayed = false;
    let envelope: Envelope<unknown>;
    let internal: string | undefined;
    try {
      const call = CallEvent.safeParse(event);
      if (!call.success) throw requestErrors.malformed();
      action = call.data.action;
      if (!expected.has(action as ActionName)) throw requestErrors.unknownAction({ action: action.slice(0, 64) });
      const name = action as ActionName;
      const spec = specs[name]!;

      const openid = openidOf(context);
      if (!openid && spec.audience !== 'public') throw requestErrors.signInRequired();

      const parsed = spec.input.safeParse(call.data.input === undefined ? {} : call.data.input);
      if (!parsed.success) throw invalidInput(parsed.error);
      if (!openid) {
        // A public read by someone without a session (a proof checked by an employer): no user
        // is created, and one shared budget keeps anonymous callers from flooding it.
        const now = new Date();
        await consumeRateLimit(ANONYMOUS.userId, name, 'rateLimit' in spec && spec.rateLimit ? spec.rateLimit : DEFAULT_LIMITS.read, now);
        envelope = await runCommand(definition, name, { actor: ANONYMOUS, input: parsed.data, requestId: null, callId, now });
      } else {
        let requestId: string | null = null;
        if (spec.mutation) {
          const id = RequestId.safeParse(call.data.requestId);
          if (!id.success) throw requestErrors.requestIdRequired();
          requestId = id.data;
        }

        const now = new Date();
        const userId = userIdOf(openid);
        actorId = userId;
        // Only a digest of the input is kept: inputs may hold ID or phone numbers.
        const ticket = requestId ? requestTicket(userId, name, requestId, digest('input', stableJson(parsed.data)), now) : undefined;
        const rule = 'rateLimit' in spec && spec.rateLimit ? spec.rateLimit : spec.mutation ? DEFAULT_LIMITS.write : DEFAULT_LIMITS.read;
        const startHead = ticket && (call.data.attempt ?? 1) === 1 ? (definition.headStarts?.[name] as ((ctx: HeadStartContext<typeof name>) => HeadStart | null) | undefined) : undefined;
        const headStart = startHead ? startHead({ userId, input: parsed.data, now }) : null;
        try {
          const resend = (call.data.attempt ?? 1) > 1;
          envelope = await runCounted({ definition, spec, name, openid, userId, input: parsed.data, requestId, ticket, rule, callId, now, resend, ...(headStart ? { headStart } : {}) }, (value) => {
            replayed = value;
          });
        } finally {
          // Whatever happened, a head start the command did not take over is undone before the answer.
          // Its failure leaves a counter one too high (activities.reconcile heals it): said, not thrown over the answer.
          if (headStart) await headStart.abandon().catch((error: unknown) => logEvent('error', 'headStart.abandon', { fn: definition.fn, action: name, error: describe(error) }));
        }
      }
    } catch (error) {
      envelope = { ok: false, error: errorBody(error) };
      if (envelope.error.code === 'INTERNAL') internal = describe(error);
    }
    logCall({
      requestId: callId,
      fn: definition.fn,
      action,
      actor: actorId,
      code: envelope.ok ? 'OK' : envelope.error.code,
      ms: Date.now() - started,
      ...(replayed ? { replayed } : {}),
      ...(internal ? { error: internal } : {}),
    });
    return envelope;
  };
}

interface CountedCall<A extends ActionName> {
  definition: FunctionDefinition;
  spec: ActionSpec;
  name: A;
  openid: string;
  userId: string;
  input: ParsedInputOf<A>;
  requestId: string | null;
  ticket: ReturnType<typeof requestTicket> | undefined;
  rule: RateLimit;
  callId: string;
  now: Date;
  /** A resend of the request id (`attempt` > 1). */
  resend: boolean;
  headStart?: HeadStart;
}

/**
 * A signed-in call: rate limit and caller in one round trip (with the request id marked), then
 * the idempotency decision, then the command. Where the command keeps its result with its own
 * write (`keptResults`), a retry is answered from it in fewer round trips:
 * - a resend asks for the kept result beside the mark: when the mark matches nothing (it is
 *   there already) and the kept result is this request's, for this input, it is the answer — one
 *   round trip;
 * - otherwise, when the mark matches nothing, the kept result is asked for beside the read of
 *   the caller's document that tells why (`onMiss`) — two.
 */
async function runCounted<A extends ActionName>(call: CountedCall<A>, setReplayed: (replayed: boolean) => void): Promise<Envelope<unknown>> {
  const { definition, spec, name, openid, userId, input, requestId, ticket, rule, callId, now, resend, headStart } = call;
  const keptResult = definition.keptResults?.[name] as ((ctx: { userId: string; input: unknown; key: string }) => Promise<KeptResult | null>) | undefined;
  const askKept = (ask: NonNullable<typeof keptResult>, key: string) => {
    const answer = ask({ userId, input, key });
    // Asked for early, maybe never needed: a failure here is asked again when it is.
    answer.catch(() => undefined);
    return { userId, answer };
  };
  let keptEarly = ticket && keptResult && resend ? askKept(keptResult, ticket.key) : undefined;
  let replayedEarly: string | null = null;
  const onMiss =
    ticket && keptResult
      ? async () => {
          if (!keptEarly) {
            keptEarly = askKept(keptResult, ticket.key);
            return false;
          }
          const kept = await keptEarly.answer.catch(() => null);
          if (!kept || kept.inputHash !== ticket.inputHash) return false;
          replayedEarly = kept.answer;
          return true;
        }
      : undefined;
  const counted = await resolveCountedActor(openid, name, rule, now, ticket?.mark, onMiss);
  if (counted === ANSWERED_FROM_KEPT && replayedEarly !== null) {
    setReplayed(true);
    return JSON.parse(replayedEarly) as Envelope<unknown>;
  }
  if (counted === ANSWERED_FROM_KEPT) throw new Error('a kept result answered the call but none was found');
  // `login`: the WeChat document that carries the request marks (the actor may be the resident it claimed).
  const { actor, seen, login } = counted;
  await pruneOldMarks(login, now);
  // Until the command has run, a failure frees the request id this call marked.
  let marked = ticket !== undefined && !seen;
  try {
    const suspended = actor.user.suspendedUntil && actor.user.suspendedUntil.getTime() > now.getTime();
    if (suspended && spec.mutation && name !== 'moderation.appeal') throw requestErrors.accountSuspended();
    // The early answer serves the first look only: a retry waiting for its first send looks again.
    const findKept =
      ticket && keptResult
        ? async () => {
            const early = keptEarly && keptEarly.userId === actor.userId ? keptEarly.answer : undefined;
            keptEarly = undefined;
            const ask = () => keptResult({ userId: actor.userId, input, key: ticket.key });
            const kept = early ? await early.catch(ask) : await ask();
            return kept?.answer ?? null;
          }
        : undefined;
    const claim = ticket && seen ? await settleSeenRequest(ticket, login, findKept) : null;
    if (claim?.kind === 'claimed') marked = true;
    if (claim?.kind === 'replay') {
      setReplayed(true);
      return claim.envelope;
    }
    let keptByCommand = false;
    const request: KeepableRequest | undefined = ticket && {
      key: ticket.key,
      inputHash: ticket.inputHash,
      envelopeOf: (output) => JSON.stringify(checkedEnvelope(spec, name, output)),
      kept: () => {
        keptByCommand = true;
      },
    };
    const envelope = await runCommand(definition, name, { actor, input, requestId, callId, now, ...(request ? { request } : {}), ...(headStart ? { headStart } : {}) });
    marked = false;
    if (ticket && !(keptByCommand && envelope.ok)) await completeRequest(ticket, envelope, now);
    return envelope;
  } catch (error) {
    // A refusal before the command or a crash of our own is not a result: a retry runs again.
    if (marked && ticket) await releaseRequest(ticket).catch(() => undefined);
    throw error;
  }
}

/** Runs one command; its expected errors become part of the (replayable) result. */
async function runCommand<A extends ActionName>(
  definition: FunctionDefinition,
  name: A,
  ctx: ActionContext<A>,
): Promise<Envelope<unknown>> {
  const handler = definition.actions[name] as ActionHandler<A>;
  try {
    return checkedEnvelope(definition.contract[name]!, name, await handler(ctx));
  } catch (error) {
    const body = errorBody(error);
    // An internal error is not stored for replay: a retry should run again.
    if (body.code === 'INTERNAL') throw error;
    return { ok: false, error: body };
  }
}

/** The output schema strips anything a presenter leaked and catches shape drift. */
function checkedEnvelope(spec: ActionSpec, name: ActionName, data: unknown): Envelope<unknown> {
  const checked = spec.output.safeParse(data);
  if (!checked.success) throw new Error(`output of ${name} does not match its schema: ${checked.error.message}`);
  return ok(checked.data);
}

async function runTimer(definition: FunctionDefinition, event: unknown) {
  const name = (event as { TriggerName?: unknown } | null)?.TriggerName;
  const timer = typeof name === 'string' ? definition.timers?.[name] : undefined;
  if (!timer) throw new Error(`function ${definition.fn}: unknown timer trigger ${String(name)}`);
  const result = await timer(new Date(), firedAtOf(event));
  return { ok: true as const, timer: name as string, result };
}

/** CloudBase's timer event carries its firing time as `Time` (ISO 8601). */
function firedAtOf(event: unknown): Date | undefined {
  const time = (event as { Time?: unknown } | null)?.Time;
  const at = typeof time === 'string' ? new Date(time) : undefined;
  return at && !Number.isNaN(at.getTime()) ? at : undefined;
}

function pushEventOf(definition: FunctionDefinition, event: unknown): ((event: unknown) => Promise<unknown>) | undefined {
  const { MsgType, Event } = (event ?? {}) as { MsgType?: unknown; Event?: unknown };
  return MsgType === 'event' && typeof Event === 'string' ? definition.pushEvents?.[Event] : undefined;
}

function readCallId(context: unknown): string {
  const id = (context as { request_id?: unknown } | null)?.request_id;
  return typeof id === 'string' && id.length > 0 ? id : randomUUID();
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
