/**
 * Needs as authorization sees them: the caller's relation to one need (the resident's side, the
 * claimer's side, a neighbour) resolved from the database, and the loader every need command
 * starts with — a need the caller may not see answers exactly like one that does not exist.
 */
import { needErrors } from '../../../src/shared/domainErrors';
import { hasStaffRoleOver } from '../../../src/shared/policies/actor';
import { needBoardPolicies, needPolicies, type NeedBoardResource, type NeedResource } from '../../../src/shared/policies/needs';
import { settingsFor } from '../repositories/communitySettings';
import { findGroups } from '../repositories/groups';
import { membershipsOfUser } from '../repositories/memberships';
import { findNeed, type NeedDoc } from '../repositories/needs';
import { activeConsentsOf } from '../repositories/proxies';
import { findRegion } from '../repositories/regions';
import type { Transaction } from '../runtime/transactions';
import type { Actor } from './actor';
import { authorize } from './authorize';

/** A need the caller may not see, and one that does not exist. */
export const needNotFound = () => needErrors.notFound();

/** The region scope of a community's need: the community, below its county and street. */
const scopeOf = (need: Pick<NeedDoc, 'communityId' | 'streetId' | 'countyId'>) => ({ regionId: need.communityId, ancestorIds: [need.countyId, need.streetId] });

/** Whom the caller acts for (active proxy consents) and which groups she leads: two reads, for a whole list. */
export interface CallerRelations {
  actingFor: Set<string>;
  ledGroups: Set<string>;
  /** Communities whose boards she reads as a leader of a group there (a street hub serves its street's). */
  servedCommunities: Set<string>;
  servedStreets: Set<string>;
}

/** The caller's relations to needs (repositories/proxies.ts is the one proxy model). */
export async function callerRelations(actor: Actor): Promise<CallerRelations> {
  const [{ asProxy }, memberships] = await Promise.all([activeConsentsOf(actor.userId), membershipsOfUser(actor.userId, ['active'])]);
  const ledGroups = new Set(memberships.filter((m) => m.role === 'leader' || m.role === 'co_leader').map((m) => m.groupId));
  const groups = ledGroups.size > 0 ? (await findGroups([...ledGroups])).filter((g) => g.status === 'active') : [];
  return {
    actingFor: new Set(asProxy.map((c) => c.elderUserId).filter((id): id is string => id !== null)),
    ledGroups,
    servedCommunities: new Set(groups.flatMap((g) => (g.communityId ? [g.communityId] : []))),
    servedStreets: new Set(groups.flatMap((g) => (g.communityId ? [] : [g.streetId]))),
  };
}

/** She lives in the community, or leads an active group that serves it. */
export function isNeighbour(actor: Actor, scope: { communityId: string; streetId: string }, relations: CallerRelations): boolean {
  return actor.user.homeCommunityId === scope.communityId || relations.servedCommunities.has(scope.communityId) || relations.servedStreets.has(scope.streetId);
}

/**
 * Whether the caller stands on the resident's side of a need: she is the resident, she acts for
 * her under an active proxy consent, or she is the committee member who posted it for her and
 * still serves that community.
 */
export function actsForResident(actor: Actor, residentId: string, relations: CallerRelations, need?: Pick<NeedDoc, 'postedBy' | 'communityId' | 'streetId' | 'countyId'>): boolean {
  if (actor.userId === residentId || relations.actingFor.has(residentId)) return true;
  return !!need && need.postedBy === actor.userId && hasStaffRoleOver(actor, ['committee'], scopeOf(need));
}

/** Whether the caller took the need on: the volunteer herself, or a leader of the claiming group. */
export function isClaimer(actor: Actor, need: Pick<NeedDoc, 'claim'>, relations: CallerRelations): boolean {
  const claim = need.claim;
  if (!claim) return false;
  return claim.kind === 'volunteer' ? claim.id === actor.userId : relations.ledGroups.has(claim.id);
}

/** The policy view of a need for the caller. */
export function needResource(actor: Actor, need: NeedDoc, relations: CallerRelations): NeedResource {
  return {
    ...scopeOf(need),
    state: need.state,
    forResident: actsForResident(actor, need.userId, relations, need),
    claimer: isClaimer(actor, need, relations),
    neighbour: isNeighbour(actor, need, relations),
    // `?? null`: a need stored before offers could be asked is on the board like any other.
    addressed: (need.addressedTo ?? null) !== null,
    addressee: need.addressedTo?.userId === actor.userId,
  };
}

/** A need the caller may see, with her policy view of it; NOT_FOUND otherwise (another community's need included). */
export async function loadVisibleNeed(actor: Actor, needId: string, tx?: Transaction): Promise<{ need: NeedDoc; resource: NeedResource; relations: CallerRelations }> {
  const [need, relations] = await Promise.all([findNeed(needId, tx), callerRelations(actor)]);
  if (!need) throw needNotFound();
  const resource = needResource(actor, need, relations);
  authorize(needPolicies, 'needs.view', actor, resource, needNotFound());
  return { need, resource, relations };
}

/** A community's board as the caller stands to it (a community that does not exist answers NOT_FOUND). */
export async function loadBoard(actor: Actor, communityId: string, relations: CallerRelations): Promise<NeedBoardResource> {
  const region = await findRegion(communityId);
  if (!region || region.level !== 'community') throw needNotFound();
  const settings = await settingsFor(communityId);
  const neighbour = isNeighbour(actor, { communityId, streetId: region.ancestorIds[1] ?? '' }, relations);
  return { regionId: region._id, ancestorIds: region.ancestorIds, neighbour, timeBank: settings.timeBank };
}

/** The board of a community the caller may read (`ability`), or NOT_FOUND as if it had none. */
export async function loadReadableBoard(actor: Actor, communityId: string | undefined, ability: keyof typeof needBoardPolicies, hideAs = needNotFound()): Promise<{ communityId: string; board: NeedBoardResource; relations: CallerRelations }> {
  const id = communityId ?? actor.user.homeCommunityId;
  if (!id) throw needErrors.noHomeCommunity();
  const relations = await callerRelations(actor);
  const board = await loadBoard(actor, id, relations);
  authorize(needBoardPolicies, ability, actor, board, hideAs);
  return { communityId: id, board, relations };
}
