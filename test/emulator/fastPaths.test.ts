/**
 * The emulator's direct paths for simple filters and updates answer exactly as mingo does
 * (whose per-call set-up they save): every combination of stored value, operator and operand
 * below is judged both ways.
 */
import { Query, update as mingoUpdate } from 'mingo';
import { compileSimpleFilter } from '../../cloudfunctions/_local/emulator/simpleFilter';
import { simpleUpdate } from '../../cloudfunctions/_local/emulator/updates';
import type { Doc } from '../../cloudfunctions/_local/emulator/values';

const when = new Date('2026-05-01T08:00:00Z');
const storedValues: unknown[] = [undefined, null, 0, 5, -2.5, '', 'b', 'B', '5', true, false, when, new Date(when.getTime() + 1), [5, 'b'], [], { x: 5 }, { b: { c: 5 } }];
const operands: unknown[] = [5, 0, 'b', '5', '', true, false, when];
const ops = ['$eq', '$ne', '$lt', '$lte', '$gt', '$gte'];

/** A deep copy made in this realm (structuredClone's Dates would not be this realm's Dates under jest). */
function copy<T>(value: T): T {
  if (value instanceof Date) return new Date(value.getTime()) as T;
  if (Array.isArray(value)) return value.map(copy) as T;
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, copy(v)])) as T;
  return value;
}

function docsWith(value: unknown): Doc[] {
  const at = (v: unknown): Doc => (v === undefined ? { _id: 'd' } : { _id: 'd', a: v });
  return [at(value), { _id: 'd', n: at(value) }, { _id: 'd', n: value === undefined ? {} : { a: value } }];
}

test('simple filters judge every document as mingo does, and leave arrays and objects to it', () => {
  let judged = 0;
  let left = 0;
  for (const stored of storedValues) {
    for (const doc of docsWith(stored)) {
      for (const operand of operands) {
        for (const field of ['a', 'n.a']) {
          const filters: Doc[] = [
            { [field]: operand },
            ...ops.map((op) => ({ [field]: { [op]: operand } })),
            { [field]: { $gte: operand, $ne: 'zz' }, _id: 'd' },
            { [field]: { $exists: true } },
            { [field]: { $exists: false }, _id: 'd' },
          ];
          for (const filter of filters) {
            const simple = compileSimpleFilter(filter);
            expect(simple).toBeDefined();
            const verdict = simple!(doc);
            if (verdict === undefined) {
              left += 1;
              continue;
            }
            judged += 1;
            const expected = new Query(filter).test(doc);
            if (verdict !== expected) throw new Error(`${JSON.stringify(filter)} on ${JSON.stringify(doc)}: simple ${verdict}, mingo ${expected}`);
          }
        }
      }
    }
  }
  expect(judged).toBeGreaterThan(2000);
  expect(left).toBeGreaterThan(0);
});

test('filters beyond plain comparisons are not compiled (mingo answers them)', () => {
  for (const filter of [{ a: { $in: [1, 2] } }, { $or: [{ a: 1 }] }, { a: null }, { a: /x/ }, { 'a.0': 5 }, { a: { $exists: 1 } }, { a: [1] }, { a: { b: 1 } }, { a: {} }]) {
    expect(compileSimpleFilter(filter as Doc)).toBeUndefined();
  }
});

test('simple updates give the document and the changed flag mingo gives, for dotted paths too', () => {
  const docs: Doc[] = [
    { _id: 'u', n: 1, rate: { signups_create: { w: 60_000, n: 3 } }, tags: ['x'], when },
    { _id: 'u', n: 'text', rate: {} },
    { _id: 'u' },
    { _id: 'u', rate: 5 },
    { _id: 'u', rate: { signups_create: [1] } },
  ];
  const modifiers: Doc[] = [
    { $set: { n: 2 } },
    { $inc: { n: 1 } },
    { $set: { 'rate.signups_create.w': 120_000, 'rate.signups_create.n': 1 } },
    { $set: { 'rate.signups_create.w': 60_000 } },
    { $inc: { 'rate.signups_create.n': 1 } },
    { $inc: { 'rate.groups_join.n': 1 } },
    { $set: { 'deep.new.path': when }, $inc: { n: 0 } },
    { $set: { 'rate.x': { w: 1, n: 1 } } },
    { $set: { when: new Date(when.getTime()) } },
  ];
  let direct = 0;
  for (const doc of docs) {
    for (const modifier of modifiers) {
      const mine = simpleUpdate(doc, modifier as never);
      if (!mine) continue;
      direct += 1;
      const theirs = copy(doc);
      const changed = mingoUpdate(theirs, modifier as never, undefined, undefined, { cloneMode: 'deep' }).length > 0;
      expect({ doc: mine.doc, changed: mine.changed }).toEqual({ doc: theirs, changed });
    }
  }
  expect(direct).toBeGreaterThan(25);
  // Paths through arrays or non-objects, and overlapping paths, are mingo's.
  expect(simpleUpdate({ _id: 'u', rate: 5 }, { $set: { 'rate.x': 1 } } as never)).toBeUndefined();
  expect(simpleUpdate({ _id: 'u', tags: ['x'] }, { $set: { 'tags.0': 'y' } } as never)).toBeUndefined();
  expect(simpleUpdate({ _id: 'u' }, { $set: { a: { b: 1 }, 'a.b': 2 } } as never)).toBeUndefined();
  expect(simpleUpdate({ _id: 'u' }, { $set: { '_id': 'v' } } as never)).toBeUndefined();
});

test('a simple update never changes the document it was given', () => {
  const doc: Doc = { _id: 'u', rate: { a: { w: 1, n: 1 } } };
  const before = JSON.stringify(doc);
  simpleUpdate(doc, { $inc: { 'rate.a.n': 1 }, $set: { 'rate.b.w': 2 } } as never);
  expect(JSON.stringify(doc)).toBe(before);
});
