/**
 * Every action, fed inputs its schema must reject — wrong types, missing fields, MongoDB
 * operator objects, 1 MB strings, control characters — answers 400 INVALID_INPUT with no
 * internals, and writes nothing at all.
 *
 * Spans functions by nature (issue 17): it walks every action of every deployed function through
 * the contract, so it is named by what it checks, not by a function.
 */
import { snapshotDatabase } from '../support/dbSnapshot';
import { Client, removeDataDir, startCloud, type RunningCloud } from '../support/localCloud';

interface JsonSchema {
  type?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean;
  anyOf?: JsonSchema[];
}
interface ActionDescription {
  action: string;
  function: string;
  mutation: boolean;
  input: JsonSchema;
}

let cloud: RunningCloud;
let actions: ActionDescription[];
let client: Client;

beforeAll(async () => {
  cloud = await startCloud();
  actions = ((await (await fetch(`${cloud.url}/api/contract`)).json()) as { actions: ActionDescription[] }).actions;
  client = await Client.signIn(cloud.url, 'fuzz-user');
  // Warm up so the actor's own documents exist before the snapshot.
  await client.call('account', 'account.me', {}, null);
});

afterAll(async () => {
  await cloud.stop();
  removeDataDir(cloud.dataDir);
});

const MEGABYTE = 'x'.repeat(1024 * 1024);
const OPERATOR = { $gt: '' };

/** Inputs the schema of an action must reject, each with a label. */
function rejectedInputs(schema: JsonSchema): Array<[string, unknown]> {
  const cases: Array<[string, unknown]> = [
    ['a string instead of an object', 'hello'],
    ['a number instead of an object', 42],
    ['an array instead of an object', [1, 2]],
    ['null', null],
    ['an operator object as the input', OPERATOR],
    ['an unknown key holding an operator', { $where: 'sleep(1000)' }],
    ['an unknown 1 MB key', { junk: MEGABYTE }],
  ];
  for (const [key, property] of Object.entries(schema.properties ?? {})) {
    const types = new Set([property.type, ...(property.anyOf ?? []).map((p) => p.type)]);
    cases.push([`${key} as an operator object`, { [key]: OPERATOR }]);
    cases.push([`${key} as an array`, { [key]: [OPERATOR] }]);
    if (types.has('string')) {
      cases.push([`${key} as a 1 MB string`, { [key]: MEGABYTE }]);
      cases.push([`${key} with control characters`, { [key]: 'ab\u0000\u0007cd' }]);
      cases.push([`${key} as a number`, { [key]: 12345 }]);
    } else {
      cases.push([`${key} as a string`, { [key]: 'not-the-right-type' }]);
    }
  }
  for (const key of schema.required ?? []) {
    const rest = Object.fromEntries((schema.required ?? []).filter((k) => k !== key).map((k) => [k, 'x']));
    cases.push([`missing ${key}`, rest]);
  }
  return cases;
}

test('every input schema refuses unknown keys (so operator objects cannot slip through)', () => {
  for (const action of actions) expect({ action: action.action, additionalProperties: action.input.additionalProperties }).toEqual({ action: action.action, additionalProperties: false });
});

test('every action answers 400 INVALID_INPUT to inputs its schema rejects, and writes nothing', async () => {
  const before = snapshotDatabase(cloud.dataDir);
  let checked = 0;
  for (const action of actions) {
    for (const [label, input] of rejectedInputs(action.input)) {
      const { status, body } = await client.call(action.function, action.action, input);
      const summary = { action: action.action, label, status, code: body.ok ? 'OK' : body.error.code };
      expect(summary).toEqual({ action: action.action, label, status: 400, code: 'INVALID_INPUT' });
      const text = JSON.stringify(body);
      expect(text).not.toMatch(/at \w+ \(|node_modules|\.ts:\d+|Error:/);
      expect(text.length).toBeLessThan(4096);
      checked += 1;
    }
  }
  expect(checked).toBeGreaterThan(20);
  expect(snapshotDatabase(cloud.dataDir)).toBe(before);
});

test('a bad requestId on a mutation is INVALID_INPUT and writes nothing', async () => {
  const before = snapshotDatabase(cloud.dataDir);
  for (const requestId of [OPERATOR, 'short', 'x'.repeat(65), 'has spaces in it', 12345678]) {
    const { status, body } = await client.raw('account', { action: 'account.updateProfile', input: { nickname: '新名字' }, requestId });
    expect([status, !body.ok && body.error.code]).toEqual([400, 'INVALID_INPUT']);
  }
  expect(snapshotDatabase(cloud.dataDir)).toBe(before);
});

test('a body that is not JSON, or too large, is refused with INVALID_INPUT', async () => {
  const notJson = await client.raw('account', '{"action": "account.me", ');
  expect([notJson.status, !notJson.body.ok && notJson.body.error.code]).toEqual([400, 'INVALID_INPUT']);
  const huge = await client.raw('account', { action: 'account.me', input: { junk: 'y'.repeat(5 * 1024 * 1024) } });
  expect([huge.status, !huge.body.ok && huge.body.error.code]).toEqual([400, 'INVALID_INPUT']);
});

test('an anonymous call with bad input is still 401 and writes nothing', async () => {
  const before = snapshotDatabase(cloud.dataDir);
  const { status } = await Client.anonymous(cloud.url).call('account', 'account.updateProfile', { nickname: OPERATOR });
  expect(status).toBe(401);
  expect(snapshotDatabase(cloud.dataDir)).toBe(before);
});
