/**
 * Needs set-up the needs HTTP, claims and matrix tests share: a resident of a community with a
 * need posted, a group of that community whose members are registered volunteers, and the
 * photo a helper uploads.
 */
import tcb from '@cloudbase/node-sdk';
import type { NeedView } from '../../src/shared/schemas/needs';
import { createGroup, type Db } from './fixtures';
import { type Client, dataOf, type RunningCloud } from './localCloud';
import { idFor, registerVolunteer, residentOf } from './volunteers';

/** Today in China (the day a need may start). */
export const chinaToday = (): string => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

/** A valid need posting (what, when, where, phone), changed by `extra`. */
export const needInput = (extra: Record<string, unknown> = {}) => ({
  what: '帮忙去药店买降压药，腿脚不便',
  category: 'errands',
  whenFrom: chinaToday(),
  place: '北苑小区 3 栋 2 单元 501',
  phone: '13900001111',
  ...extra,
});

let idSeq = 100;
/** A registered volunteer of a community (a fresh valid ID number each time). */
export async function volunteerOf(cloud: RunningCloud, openid: string, communityId = 'cm-beiyuan'): Promise<Client> {
  const client = await residentOf(cloud.url, openid, communityId);
  idSeq += 1;
  await registerVolunteer(client, idFor('19800101', String(idSeq)));
  return client;
}

/** A group of a community led by `leader` whose `helpers` are members and registered volunteers. */
export async function helpingGroup(cloud: RunningCloud, db: Db, leader: string, helpers: string[], communityId = 'cm-beiyuan'): Promise<{ groupId: string; leader: Client; helpers: Client[] }> {
  const groupId = await createGroup(db, { leader, members: helpers, communityId });
  const leaderClient = await residentOf(cloud.url, leader, communityId);
  const helperClients: Client[] = [];
  for (const openid of helpers) helperClients.push(await volunteerOf(cloud, openid, communityId));
  return { groupId, leader: leaderClient, helpers: helperClients };
}

/** Posts a need as `resident` and returns it. */
export async function postNeed(resident: Client, extra: Record<string, unknown> = {}): Promise<NeedView> {
  return dataOf<NeedView>(resident.call('needs', 'needs.post', needInput(extra)));
}

/** Uploads a photo of the service to storage (as the app's upload does) and returns its file id. */
export async function uploadPhoto(cloud: RunningCloud, name: string): Promise<string> {
  const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
  const app = tcb.init({ env: 'local', secretId: 'x', secretKey: 'y', serviceUrl: `${cloud.url}/tcb/admin` });
  return (await app.uploadFile({ cloudPath: `needs/${name}.png`, fileContent: PNG })).fileID!;
}

/** Fires the needs timer once and answers what it changed. */
export async function sweep(cloud: RunningCloud): Promise<{ expired: number; surfaced: number; closed: number }> {
  const fired = (await (await fetch(`${cloud.url}/api/dev/timers/needs/sweepNeeds`, { method: 'POST' })).json()) as { ok: boolean; result: { expired: number; surfaced: number; closed: number } };
  if (!fired.ok) throw new Error(`the needs timer failed: ${JSON.stringify(fired)}`);
  return fired.result;
}
