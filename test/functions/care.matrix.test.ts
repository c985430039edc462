/**
 * The register of people served never reaches anyone outside its audience (issue 18 item 7):
 * every action × every role over HTTP — the committee of her community, the volunteer and the
 * group member paired with her, an unpaired volunteer, a plain resident, another community's
 * committee, the street and county above — and IDOR attempts on another community's person and
 * pairing. A refusal answers NOT_FOUND to whoever may not see her (FORBIDDEN only to those who
 * may), never carries her name, phone or address, and writes nothing.
 */
import type { CareListOutput, CareRecipientView } from '../../src/shared/schemas/care';
import { chinaDayOf } from '../../cloudfunctions/_core/runtime/chinaDay';
import { cloudPerFile } from '../support/cloudPerFile';
import { snapshotDatabase } from '../support/dbSnapshot';
import { createGroup, grantRole, type Db } from '../support/fixtures';
import type { RunningCloud } from '../support/localCloud';
import { Client, dataOf } from '../support/localCloud';
import { idFor, registerVolunteer, residentOf } from '../support/volunteers';

let cloud: RunningCloud;
let db: Db;
cloudPerFile((started) => ({ cloud, db } = started));

const IGNORED = ['idempotency', 'rate_limits', 'users'];
const SECRETS = /王阿婆|13900002222|北苑小区8栋|高血压|南湖|13900003333/;
const CONSENT = { by: 'self', reference: 'PAPER-2026-001', witnessed: true } as const;
const ROLES = ['committee', 'paired', 'groupMember', 'unpaired', 'resident', 'otherCommittee', 'street', 'county'] as const;
type Role = (typeof ROLES)[number];

const clients = {} as Record<Role, Client>;
let person: CareRecipientView;
let other: CareRecipientView;
let pairId: string;
let otherPairId: string;
let pairedNo: string;
let unpairedNo: string;

beforeAll(async () => {
  clients.committee = await Client.signIn(cloud.url, 'demo-committee');
  clients.street = await Client.signIn(cloud.url, 'demo-street');
  clients.county = await Client.signIn(cloud.url, 'demo-county');
  clients.otherCommittee = await residentOf(cloud.url, 'care-m-oc', 'cm-nanhu');
  await grantRole(db, 'care-m-oc', 'committee', 'cm-nanhu');
  clients.paired = await residentOf(cloud.url, 'care-m-p');
  pairedNo = (await registerVolunteer(clients.paired, idFor('19810101', '601'))).volunteerNo;
  clients.groupMember = await residentOf(cloud.url, 'care-m-g');
  await registerVolunteer(clients.groupMember, idFor('19820101', '602'));
  clients.unpaired = await residentOf(cloud.url, 'care-m-u');
  unpairedNo = (await registerVolunteer(clients.unpaired, idFor('19830101', '603'))).volunteerNo;
  clients.resident = await residentOf(cloud.url, 'care-m-r');
  const groupId = await createGroup(db, { leader: 'care-m-g' });

  person = await dataOf<CareRecipientView>(
    clients.committee.call('care', 'care.register', { communityId: 'cm-beiyuan', category: 'lone_elder', name: '王阿婆', phone: '13900002222', address: '北苑小区8栋101', frequencyDays: 7, notes: '高血压', consent: CONSENT }),
  );
  const paired = await dataOf<CareRecipientView>(clients.committee.call('care', 'care.pair', { recipientId: person.id, volunteerNo: pairedNo }));
  pairId = paired.pairs[0]!.id;
  await dataOf(clients.committee.call('care', 'care.pair', { recipientId: person.id, groupId }));
  other = await dataOf<CareRecipientView>(
    clients.otherCommittee.call('care', 'care.register', { communityId: 'cm-nanhu', category: 'disability', name: '南湖张伯', phone: '13900003333', address: '南湖新村1号', frequencyDays: 7, consent: CONSENT }),
  );
  otherPairId = (await dataOf<CareRecipientView>(clients.otherCommittee.call('care', 'care.pair', { recipientId: other.id, volunteerNo: unpairedNo }))).pairs[0]!.id;
});

/** What each role may read of the person: 200 or NOT_FOUND. */
const READS: Record<Role, number> = { committee: 200, paired: 200, groupMember: 200, unpaired: 404, resident: 404, otherCommittee: 404, street: 404, county: 404 };

test.each(ROLES.flatMap((role) => (['care.get', 'care.visits'] as const).map((action) => [action, role] as const)))('%s by %s', async (action, role) => {
  const result = await clients[role].call('care', action, { recipientId: person.id }, null);
  expect({ role, status: result.status }).toEqual({ role, status: READS[role] });
  if (READS[role] === 404) {
    expect(result.body).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', reason: 'care.not_found' } });
    expect(JSON.stringify(result.body)).not.toMatch(SECRETS);
  }
});

test.each(ROLES)('care.list and care.overdue of the community by %s show only what she may see', async (role) => {
  const list = await dataOf<CareListOutput>(clients[role].call('care', 'care.list', { communityId: 'cm-beiyuan' }, null));
  const expected = READS[role] === 200 ? [person.id] : [];
  expect({ role, ids: list.items.map((i) => i.id) }).toEqual({ role, ids: expected });
  // Only the committee sees the consent and the account link.
  if (role !== 'committee') expect(list.items.every((i) => i.consent === null && i.userId === null)).toBe(true);
  const overdue = await clients[role].call('care', 'care.overdue', { communityId: 'cm-beiyuan' }, null);
  expect({ role, status: overdue.status }).toEqual({ role, status: role === 'committee' ? 200 : 404 });
});

/** Who may change her: the committee; the paired see her (FORBIDDEN), everyone else NOT_FOUND. */
const WRITE_DENIED: Record<Exclude<Role, 'committee'>, number> = { paired: 403, groupMember: 403, unpaired: 404, resident: 404, otherCommittee: 404, street: 404, county: 404 };
const writes = (recipientId: string, pair: string) =>
  ({
    'care.update': { recipientId, notes: '改写备注' },
    'care.close': { recipientId, reason: 'care_ended' },
    'care.pair': { recipientId, volunteerNo: unpairedNo },
    'care.unpair': { pairId: pair },
  }) as const;

test.each((Object.keys(WRITE_DENIED) as Array<Exclude<Role, 'committee'>>).flatMap((role) => (['care.update', 'care.close', 'care.pair', 'care.unpair'] as const).map((action) => [action, role] as const)))(
  '%s by %s is refused and writes nothing',
  async (action, role) => {
    const before = snapshotDatabase(cloud.dataDir, IGNORED);
    const result = await clients[role].call('care', action, writes(person.id, pairId)[action]);
    // An unpairing names a pairing, whose existence is as private as the person's.
    const expected = action === 'care.unpair' ? 404 : WRITE_DENIED[role];
    expect({ role, status: result.status }).toEqual({ role, status: expected });
    expect(JSON.stringify(result.body)).not.toMatch(SECRETS);
    expect(snapshotDatabase(cloud.dataDir, IGNORED)).toBe(before);
  },
);

test.each(ROLES.filter((role) => role !== 'paired' && role !== 'groupMember'))('care.logVisit by %s (not paired) is refused and writes nothing', async (role) => {
  const before = snapshotDatabase(cloud.dataDir, IGNORED);
  const result = await clients[role].call('care', 'care.logVisit', { recipientId: person.id, visitDate: chinaDayOf(new Date()), minutes: 30, notes: '冒充探访' });
  expect({ role, status: result.status }).toEqual({ role, status: role === 'committee' ? 403 : 404 });
  expect(snapshotDatabase(cloud.dataDir, IGNORED)).toBe(before);
});

test('IDOR: another community’s person and pairing answer NOT_FOUND to this community’s committee and volunteers, and nothing is written', async () => {
  const before = snapshotDatabase(cloud.dataDir, IGNORED);
  const today = chinaDayOf(new Date());
  for (const role of ['committee', 'paired', 'groupMember'] as const) {
    const attempts: Array<[string, unknown]> = [
      ['care.get', { recipientId: other.id }],
      ['care.visits', { recipientId: other.id }],
      ['care.logVisit', { recipientId: other.id, visitDate: today, minutes: 30, notes: '越权探访' }],
      ...Object.entries(writes(other.id, otherPairId)),
    ];
    for (const [action, input] of attempts) {
      const result = await clients[role].call('care', action, input);
      expect({ role, action, status: result.status }).toEqual({ role, action, status: 404 });
      expect(JSON.stringify(result.body)).not.toMatch(SECRETS);
    }
    const list = await dataOf<CareListOutput>(clients[role].call('care', 'care.list', { communityId: 'cm-nanhu' }, null));
    expect(list.items).toEqual([]);
    expect((await clients[role].call('care', 'care.overdue', { communityId: 'cm-nanhu' }, null)).status).toBe(404);
  }
  expect(snapshotDatabase(cloud.dataDir, IGNORED)).toBe(before);
  // Ids that do not exist answer exactly like ids that do.
  const missing = await clients.committee.call('care', 'care.get', { recipientId: 'cr-no-such-person' }, null);
  const hidden = await clients.committee.call('care', 'care.get', { recipientId: other.id }, null);
  expect(missing.body).toEqual(hidden.body);
});

test('the paired volunteer and group member may log visits; a volunteer paired elsewhere sees only her own person', async () => {
  const today = chinaDayOf(new Date());
  for (const role of ['paired', 'groupMember'] as const) {
    expect((await clients[role].call('care', 'care.logVisit', { recipientId: person.id, visitDate: today, minutes: 30, notes: '按时探访' })).status).toBe(200);
  }
  const hers = await dataOf<CareListOutput>(clients.unpaired.call('care', 'care.list', {}, null));
  expect(hers.items.map((i) => i.id)).toEqual([other.id]);
});
