/**
 * The credit bank: balances and statements, time-bank transfers and donations, staff grants
 * and adjustments (audited), community settings, and the expiry timer. Every movement is a
 * double-entry posting (ledger/posting) keyed by the request, so retries never move twice.
 */
import { authorize } from '../../../src/shared/policies/authorize';
import { communityPolicies } from '../../../src/shared/policies/volunteers';
import type { EntryKind } from '../../../src/shared/schemas/credits';
import { accountId, accountsCollection, entriesCollection, balanceOf, type AccountDoc } from '../ledger/accounts';
import { yearsAfter } from '../ledger/earnings';
import { applyPosting, type EntryDoc, type Posting } from '../ledger/posting';
import { recordAudit } from '../repositories/auditLog';
import { allMatching } from '../repositories/allMatching';
import { Collections } from '../repositories/collections';
import { newestFirstPage } from '../repositories/newestFirstPage';
import { settingsCollection, settingsFor, type SettingsDoc } from '../repositories/communitySettings';
import { regionDirectory } from '../repositories/regions';
import { findVolunteerByNo, type VolunteerDoc } from '../repositories/volunteers';
import type { Actor } from '../runtime/actor';
import { database } from '../runtime/cloudbase';
import { digest } from '../runtime/hash';
import { oneAtATime } from '../runtime/keyedQueue';
import { inTransaction } from '../runtime/transactions';
import { requireVolunteer } from './volunteerRegistry';
import { creditErrors, regionErrors, volunteerErrors } from '../../../src/shared/domainErrors';

const DAY_MS = 24 * 3600_000;
const EXPIRY_NOTICE_DAYS = 30;

/** A community the actor may run (staff over it), or NOT_FOUND/FORBIDDEN. */
export async function manageableCommunity(actor: Actor, communityId: string) {
  const region = (await regionDirectory()).get(communityId);
  if (!region || region.level !== 'community') throw regionErrors.communityNotFound();
  const scope = { regionId: region._id, ancestorIds: region.ancestorIds };
  authorize(communityPolicies, 'community.manageCredits', actor, scope);
  return region;
}

export async function myCredits(actor: Actor, offset: number, limit: number, now: Date) {
  const id = accountId('resident', actor.userId);
  const [accountRead, page, countRead, settings] = await Promise.all([
    accountsCollection().doc(id).get(),
    entriesCollection().where({ accountId: id }).orderBy('createdAt', 'desc').skip(offset).limit(limit).get(),
    entriesCollection().where({ accountId: id }).count(),
    settingsFor(actor.user.homeCommunityId),
  ]);
  const account = accountRead.data[0] as AccountDoc | undefined;
  const balance = account?.balance ?? 0;
  let expiringSoon: { amount: number; at: string } | null = null;
  if (account?.nextExpiryAt && account.nextExpiryAt.getTime() - now.getTime() < EXPIRY_NOTICE_DAYS * DAY_MS) {
    const amount = expiringAmount(await entriesOf(id), account.nextExpiryAt);
    if (amount > 0) expiringSoon = { amount: Math.min(amount, balance), at: account.nextExpiryAt.toISOString() };
  }
  return {
    balance,
    expiringSoon,
    timeBank: settings.timeBank,
    entries: {
      items: (page.data as EntryDoc[]).map((e) => ({
        id: e._id,
        amount: e.amount,
        kind: e.kind,
        memo: e.memo,
        createdAt: e.createdAt.toISOString(),
        expiresAt: e.expiresAt ? e.expiresAt.toISOString() : null,
      })),
      total: countRead.total ?? 0,
      hasMore: offset + limit < (countRead.total ?? 0),
    },
  };
}

/** The community's pool, store, issuance and expiry movements, newest first (staff over it). */
export async function communityPostings(actor: Actor, communityId: string, offset: number, limit: number) {
  await manageableCommunity(actor, communityId);
  const kinds = ['pool', 'store', 'issuance', 'expired'] as const;
  const _ = database().command;
  const where = { accountId: _.in(kinds.map((kind) => accountId(kind, communityId))) };
  const { docs, total, hasMore } = await newestFirstPage<EntryDoc>(Collections.ledgerEntries, where, 'createdAt', offset, limit);
  return {
    items: docs.map((e) => ({
      id: e._id,
      account: e.accountKind as (typeof kinds)[number],
      amount: e.amount,
      kind: e.kind,
      memo: e.memo,
      createdAt: e.createdAt.toISOString(),
      expiresAt: null,
    })),
    total,
    hasMore,
  };
}

async function requireTimeBank(communityId: string | null) {
  const settings = await settingsFor(communityId);
  if (!communityId || !settings.timeBank) throw creditErrors.timeBankClosed();
}

async function recipient(volunteerNo: string): Promise<VolunteerDoc> {
  const volunteer = await findVolunteerByNo(volunteerNo);
  if (!volunteer || volunteer.status !== 'active') throw volunteerErrors.unknownVolunteerNo();
  return volunteer;
}

/** Time bank: credits from one resident to another, both in time-bank communities. */
export async function transferCredits(actor: Actor, toVolunteerNo: string, amount: number, note: string | undefined, requestId: string, now: Date) {
  const from = await requireVolunteer(actor);
  const to = await recipient(toVolunteerNo);
  if (to.userId === actor.userId) throw creditErrors.cannotTransferToSelf();
  await requireTimeBank(from.homeCommunityId);
  await requireTimeBank(to.homeCommunityId);
  const settings = await settingsFor(to.homeCommunityId);
  const posting: Posting = {
    id: `xfer-${digest(actor.userId, requestId).slice(0, 32)}`,
    memo: note ? `转赠：${note}` : '时间银行转赠',
    by: actor.userId,
    ref: { from: from.volunteerNo, to: to.volunteerNo },
    legs: [
      { kind: 'resident', ownerId: actor.userId, amount: -amount, entryKind: 'transfer_out' },
      { kind: 'resident', ownerId: to.userId, amount, entryKind: 'transfer_in', expiresAt: yearsAfter(now, settings.creditExpiryYears) },
    ],
  };
  await oneAtATime(accountId('resident', actor.userId), () => inTransaction((tx) => applyPosting(tx, posting, now)));
  return { balance: await balanceOf('resident', actor.userId) };
}

/** Time bank: credits to the community pool, which the committee can grant on. */
export async function donateCredits(actor: Actor, amount: number, requestId: string, now: Date) {
  const communityId = actor.user.homeCommunityId;
  await requireTimeBank(communityId);
  const posting: Posting = {
    id: `dona-${digest(actor.userId, requestId).slice(0, 32)}`,
    memo: '捐赠到社区积分池',
    by: actor.userId,
    ref: { communityId: communityId! },
    legs: [
      { kind: 'resident', ownerId: actor.userId, amount: -amount, entryKind: 'donated' },
      { kind: 'pool', ownerId: communityId!, amount, entryKind: 'pool_in' },
    ],
  };
  await oneAtATime(accountId('resident', actor.userId), () => inTransaction((tx) => applyPosting(tx, posting, now)));
  return { balance: await balanceOf('resident', actor.userId) };
}

/** A committee grants credits to a volunteer of its community, from the pool or newly issued. */
export async function grantCredits(actor: Actor, input: { volunteerNo: string; amount: number; reason: string; source: 'pool' | 'issuance' }, requestId: string, now: Date) {
  const volunteer = await recipient(input.volunteerNo);
  if (!volunteer.homeCommunityId) throw volunteerErrors.unknownVolunteerNo();
  await manageableCommunity(actor, volunteer.homeCommunityId);
  const settings = await settingsFor(volunteer.homeCommunityId);
  const posting: Posting = {
    id: `grant-${digest(actor.userId, requestId).slice(0, 32)}`,
    memo: `社区奖励：${input.reason}`.slice(0, 80),
    by: actor.userId,
    ref: { volunteerNo: input.volunteerNo },
    legs: [
      { kind: input.source, ownerId: volunteer.homeCommunityId, amount: -input.amount, entryKind: 'granted' },
      { kind: 'resident', ownerId: volunteer.userId, amount: input.amount, entryKind: 'granted', expiresAt: yearsAfter(now, settings.creditExpiryYears) },
    ],
  };
  await inTransaction((tx) => applyPosting(tx, posting, now));
  await auditCredits(actor, 'credits.grant', volunteer, input.reason, { amount: input.amount, source: input.source }, requestId, now);
  return { balance: await balanceOf('resident', volunteer.userId) };
}

/** A committee corrects a balance up or down (never below zero) with a reason. */
export async function adjustCredits(actor: Actor, input: { volunteerNo: string; amount: number; reason: string }, requestId: string, now: Date) {
  const volunteer = await recipient(input.volunteerNo);
  if (!volunteer.homeCommunityId) throw volunteerErrors.unknownVolunteerNo();
  await manageableCommunity(actor, volunteer.homeCommunityId);
  const settings = await settingsFor(volunteer.homeCommunityId);
  const posting: Posting = {
    id: `adj-${digest(actor.userId, requestId).slice(0, 32)}`,
    memo: `积分调整：${input.reason}`.slice(0, 80),
    by: actor.userId,
    ref: { volunteerNo: input.volunteerNo },
    legs: [
      { kind: 'issuance', ownerId: volunteer.homeCommunityId, amount: -input.amount, entryKind: 'adjusted' },
      {
        kind: 'resident',
        ownerId: volunteer.userId,
        amount: input.amount,
        entryKind: 'adjusted',
        expiresAt: input.amount > 0 ? yearsAfter(now, settings.creditExpiryYears) : null,
      },
    ],
  };
  await inTransaction((tx) => applyPosting(tx, posting, now));
  await auditCredits(actor, 'credits.adjust', volunteer, input.reason, { amount: input.amount }, requestId, now);
  return { balance: await balanceOf('resident', volunteer.userId) };
}

async function auditCredits(actor: Actor, action: string, volunteer: VolunteerDoc, reason: string, details: Record<string, unknown>, requestId: string, now: Date) {
  await recordAudit(
    { actorId: actor.userId, action, targetType: 'user', targetId: volunteer.userId, regionId: volunteer.homeCommunityId, reason, details: { volunteerNo: volunteer.volunteerNo, ...details } },
    `${action}-${actor.userId}-${requestId}`,
    now,
  );
}

/** The community's balances and settings; anyone may look, staff over it may manage. */
export async function communityPool(actor: Actor, communityId: string) {
  const region = (await regionDirectory()).get(communityId);
  if (!region || region.level !== 'community') throw regionErrors.communityNotFound();
  const [settings, pool, store, issuance, expired] = await Promise.all([
    settingsFor(communityId),
    balanceOf('pool', communityId),
    balanceOf('store', communityId),
    balanceOf('issuance', communityId),
    balanceOf('expired', communityId),
  ]);
  return {
    communityId,
    ...settings,
    pool,
    store,
    issued: -issuance,
    expired,
    canManage: communityPolicies['community.manageCredits']!(actor, { regionId: region._id, ancestorIds: region.ancestorIds }),
  };
}

export async function updateSettings(
  actor: Actor,
  input: { communityId: string; timeBank?: boolean; starThresholds?: number[]; creditExpiryYears?: number; selfReportCreditsPerHour?: number },
  requestId: string,
  now: Date,
) {
  const region = await manageableCommunity(actor, input.communityId);
  const { data } = await settingsCollection().doc(region._id).get();
  const current = (data[0] as SettingsDoc | undefined) ?? null;
  const { communityId: _ignored, ...changes } = input;
  const next: Omit<SettingsDoc, '_id'> = { ...(current ?? {}), ...changes, updatedBy: actor.userId, updatedAt: now };
  delete (next as { _id?: string })._id;
  await settingsCollection().doc(region._id).set(next);
  await recordAudit(
    { actorId: actor.userId, action: 'volunteerSettings.update', targetType: 'region', targetId: region._id, regionId: region._id, reason: null, details: changes },
    `settings-${actor.userId}-${requestId}`,
    now,
  );
  const settings = await settingsFor(region._id);
  return { communityId: region._id, ...settings };
}

const entriesOf = (account: string) => allMatching<EntryDoc>(Collections.ledgerEntries, { accountId: account }, { field: 'createdAt', direction: 'asc' });

/**
 * Credits of an account that have lapsed by `cutoff`, spending oldest first: everything that
 * came in with an expiry on or before the cutoff, less everything that has gone out since the
 * account opened (refunds undo spending). What is left of those old credits expires.
 */
export function expiringAmount(entries: EntryDoc[], cutoff: Date): number {
  let lapsed = 0;
  let spent = 0;
  for (const entry of entries) {
    if (entry.amount > 0 && entry.kind === 'refunded') spent -= entry.amount;
    else if (entry.amount > 0 && entry.expiresAt && entry.expiresAt.getTime() <= cutoff.getTime()) lapsed += entry.amount;
    else if (entry.amount < 0) spent += -entry.amount;
  }
  return Math.max(0, lapsed - spent);
}

/** Timer: moves lapsed credits of every due account to its community's expiry account. */
export async function expireCredits(now: Date): Promise<{ accounts: number; credits: number }> {
  const _ = database().command;
  const directory = await regionDirectory();
  let accounts = 0;
  let credits = 0;
  for (;;) {
    const { data } = await accountsCollection().where({ kind: 'resident', nextExpiryAt: _.lte(now) }).limit(100).get();
    if (data.length === 0) return { accounts, credits };
    for (const account of data as AccountDoc[]) {
      const entries = await entriesOf(account._id);
      const amount = Math.min(expiringAmount(entries, now), account.balance);
      const later = entries.filter((e) => e.amount > 0 && e.expiresAt && e.expiresAt.getTime() > now.getTime()).map((e) => e.expiresAt!.getTime());
      const nextExpiryAt = later.length > 0 ? new Date(Math.min(...later)) : null;
      const community = await homeCommunityOf(account.ownerId, directory);
      await inTransaction(async (tx) => {
        // Computed outside the transaction: if the account moved since, leave it for the next pass.
        const { data: current } = (await tx.collection(Collections.ledgerAccounts).doc(account._id).get()) as { data: AccountDoc | null };
        if (!current || current.updatedAt.getTime() !== account.updatedAt.getTime()) return;
        if (amount > 0) {
          const kind: EntryKind = 'expired';
          await applyPosting(
            tx,
            {
              id: `expire-${account._id}-${account.nextExpiryAt!.getTime()}`,
              memo: '积分过期',
              by: 'system',
              ref: { accountId: account._id },
              legs: [
                { kind: 'resident', ownerId: account.ownerId, amount: -amount, entryKind: kind },
                { kind: 'expired', ownerId: community, amount, entryKind: kind },
              ],
            },
            now,
          );
        }
        await tx.collection(Collections.ledgerAccounts).doc(account._id).update({ nextExpiryAt, updatedAt: now });
      });
      accounts += 1;
      credits += amount;
    }
  }
}

async function homeCommunityOf(userId: string, directory: Map<string, unknown>): Promise<string> {
  const { data } = await database().collection(Collections.volunteers).doc(userId).get();
  const home = (data[0] as VolunteerDoc | undefined)?.homeCommunityId;
  return home && directory.has(home) ? home : 'unassigned';
}

