/**
 * Proofs over the HTTP face (the proofs function): requested, issued as a PDF with its codes,
 * downloaded by the volunteer only, verified publicly with masked data, and the plain record export.
 */
import type { ProofView } from '../../src/shared/schemas/proofs';
import { cloudPerFile } from '../support/cloudPerFile';
import { createActivity, createAttendance, createGroup, type Db } from '../support/fixtures';
import { Client, dataOf as data, type RunningCloud } from '../support/localCloud';
import { idFor, registerVolunteer as register, residentOf } from '../support/volunteers';
import { issuedCodes } from '../support/wechat';

let cloud: RunningCloud;
let db: Db;
cloudPerFile((started) => ({ cloud, db } = started));

const resident = (openid: string, communityId?: string) => residentOf(cloud.url, openid, communityId);

test('a proof is requested, issued as a PDF with a verification code, and verified publicly with masked data', async () => {
  const groupId = await createGroup(db, { leader: 'vol-pf-leader', members: ['vol-pf'] });
  const activityId = await createActivity(db, groupId, 'vol-pf-leader', { startsInHours: -3, volunteer: { plannedHours: 2, creditsPerHour: 10 } });
  const volunteer = await resident('vol-pf');
  await register(volunteer, idFor('19660606', '881'));
  const signupId = await createAttendance(db, activityId, 'vol-pf', 0, 120);
  const leader = await Client.signIn(cloud.url, 'vol-pf-leader');
  await data(leader.call('volunteers', 'hours.confirm', { activityId, items: [{ signupId }] }));
  const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

  const empty = await volunteer.call('proofs', 'proofs.request', { issuerType: 'group', issuerId: groupId, from: '2020-01-01', to: '2020-12-31' });
  expect(empty.status).toBe(400);
  const requested = await data<ProofView>(volunteer.call('proofs', 'proofs.request', { issuerType: 'group', issuerId: groupId, from: '2026-01-01', to: today, purpose: '升学材料' }));
  expect(requested).toMatchObject({ state: 'requested', minutes: 120, volunteerName: '王**' });
  expect((await volunteer.call('proofs', 'proofs.issue', { proofId: requested.id, personInCharge: '张主任', contact: '0571-88886666' })).status).toBe(404);
  const queue = await data<{ items: ProofView[] }>(leader.call('proofs', 'proofs.queue', {}, null));
  expect(queue.items.map((p) => p.id)).toContain(requested.id);
  const issued = await data<ProofView>(leader.call('proofs', 'proofs.issue', { proofId: requested.id, personInCharge: '张主任', contact: '0571-88886666', remarks: '情况属实' }));
  expect(issued.serialNo).toMatch(/^LL\d{4}-[0-9A-F]{6}-00001$/);
  expect(issued.verificationCode).toMatch(/^[A-Z0-9]{10}$/);

  const link = await data<{ url: string; fileName: string }>(volunteer.call('proofs', 'proofs.download', { proofId: requested.id }, null));
  const pdf = Buffer.from(await (await fetch(link.url)).arrayBuffer());
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  expect(pdf.toString('latin1')).toMatch(/FontFile|CIDFontType/); // the CJK font is embedded
  // Its QR codes: a mini-program code opening the verify page with the code as its scene, and
  // (LINLI_PUBLIC_URL is configured on the local cloud) the web link.
  expect((await issuedCodes(cloud.url)).find((c) => c.scene === issued.verificationCode)).toMatchObject({ page: 'package-volunteer/verify/index' });
  const widths = [...pdf.toString('latin1').matchAll(/\/Subtype \/Image[^>]*?\/Width (\d+)|\/Width (\d+)[^>]*?\/Subtype \/Image/g)].map((m) => Number(m[1] ?? m[2]));
  // The images (each PNG with its alpha mask): the 430-pixel mini-program code and the 240-pixel link QR.
  expect([...new Set(widths)].sort()).toEqual([240, 430]);
  const stranger = await Client.signIn(cloud.url, 'vol-pf-stranger');
  expect((await stranger.call('proofs', 'proofs.download', { proofId: requested.id }, null)).status).toBe(404);

  const anonymous = Client.anonymous(cloud.url);
  const verified = await data<Record<string, unknown>>(anonymous.call('proofs', 'proofs.verify', { code: issued.verificationCode!.toLowerCase() }, null));
  expect(verified).toMatchObject({ valid: true, serialNo: issued.serialNo, volunteerName: '王**', idNumber: `110105********${idFor('19660606', '881').slice(-4)}`, minutes: 120, personInCharge: '张主任' });
  expect(await data(anonymous.call('proofs', 'proofs.verify', { code: 'ABCDEFGHJK' }, null))).toEqual({ valid: false });
  // Other actions still need a session.
  expect((await anonymous.call('proofs', 'proofs.mine', {}, null)).status).toBe(401);

  const record = await data<{ url: string; fileName: string }>(volunteer.call('proofs', 'records.export', {}));
  expect(record.fileName).toContain('志愿服务记录');
  expect((await (await fetch(record.url)).arrayBuffer()).byteLength).toBeGreaterThan(1000);
});
