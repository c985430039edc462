/**
 * Query, update and aggregate conformance beyond the basics: find-and-modify counts, elemMatch,
 * refused field names, geo queries and the geoNear stage, jsonSchema and string/date operators.
 * Runs against the emulator or, with TCB_ENV and keys, a real environment (support/conformance).
 * Near queries need a geo index on CloudBase: there they use TCB_GEO_COLLECTION (an empty
 * collection with a geo index on `location`) and are skipped without it.
 */
import tcb from '@cloudbase/node-sdk';
import { codeOf, onCloudBase, useConformanceTarget } from '../support/conformance';

const conf = useConformanceTarget();

/** node-sdk's Geo types (its typings declare only Point). */
interface GeoTypes {
  Point: new (longitude: number, latitude: number) => object;
  LineString: new (points: object[]) => object;
  Polygon: new (lines: object[]) => object;
}
const geo = () => conf.db.Geo as unknown as GeoTypes;

describe('find-and-modify', () => {
  test('updateAndReturn counts the matched document even when it already holds the values', async () => {
    const c = await conf.freshCollection('fam');
    await c.add({ _id: 'x', state: 'held' });
    const same = (await c.where({ _id: 'x' }).updateAndReturn({ state: 'held' })) as { updated: number; doc: { state: string } };
    expect(same.updated).toBe(1);
    expect(same.doc).toMatchObject({ _id: 'x', state: 'held' });
    const none = (await c.where({ _id: 'y' }).updateAndReturn({ state: 'held' })) as { updated: number; doc: unknown };
    expect(none.updated).toBe(0);
    expect(none.doc).toBeNull();
  });
});

describe('elemMatch', () => {
  test('a field condition matches arrays of documents only; an operator condition matches plain values', async () => {
    const c = await conf.freshCollection('elem');
    await c.add([
      { _id: 'words', tags: ['tea', 'rice'] },
      { _id: 'numbers', tags: [3, 7, 11] },
      { _id: 'docs', tags: [{ value: 2 }, { value: 7 }] },
      { _id: 'mixed', tags: [7, { other: 1 }] },
    ]);
    const _ = conf.db.command;
    const ids = async (where: object) => (await c.where(where).get()).data.map((d) => d._id).sort();
    expect(await ids({ tags: _.elemMatch({ value: _.exists(true) }) })).toEqual(['docs']);
    // node-sdk's typings declare mod() without its arguments.
    expect(await ids({ tags: _.elemMatch({ value: (_.mod as (divisor: number, remainder: number) => unknown)(5, 2) }) })).toEqual(['docs']);
    // node-sdk passes an operator object through as it is (it does not encode commands nested in elemMatch).
    expect(await ids({ tags: _.elemMatch({ $gt: 5, $lt: 10 } as never) })).toEqual(['mixed', 'numbers']);
  });
});

describe('field names', () => {
  test('a field name starting with $ is refused with DATABASE_REQUEST_FAILED and nothing is stored', async () => {
    const c = await conf.freshCollection('dollar');
    expect(await codeOf(c.add({ _id: 'bad', $key: 1 }))).toBe('DATABASE_REQUEST_FAILED');
    expect((await c.doc('bad').get()).data).toEqual([]);
  });

  /**
   * CloudBase answers a refusal with HTTP 200 and a body carrying `code` (node-sdk's own mocks
   * answer `{ statusCode: 200, body: { code, message } }`); node-sdk 3.x throws it unless the
   * process-wide `setThrowOnCode(false)` is set, and then returns the body (tcbapirequester.ts
   * `request`; any other status throws with the number whatever the switch). The vendor's
   * `验证throwOnCode` asks the same through `init({ throwOnCode: false })`, which only 2.x reads.
   */
  test('the refusal is a 200 answer of { code, message, requestId }: node-sdk returns it under setThrowOnCode(false)', async () => {
    const c = await conf.freshCollection('coded');
    const setThrowOnCode: unknown = Reflect.get(tcb, 'setThrowOnCode');
    if (typeof setThrowOnCode !== 'function') throw new Error('node-sdk no longer exports setThrowOnCode');
    setThrowOnCode(false);
    let answer: unknown;
    try {
      answer = await c.add({ _id: 'bad', $_key: 1 });
    } finally {
      setThrowOnCode(true);
    }
    expect(answer).toMatchObject({ code: 'DATABASE_REQUEST_FAILED', message: expect.any(String), requestId: expect.any(String) });
    expect(await codeOf(c.add({ _id: 'bad', $_key: 1 }))).toBe('DATABASE_REQUEST_FAILED');
    expect((await c.doc('bad').get()).data).toEqual([]);
  });
});

describe('geo', () => {
  // Around 鼓楼 in Beijing: 0.01° of latitude is ~1.11 km.
  const here = [116.397, 39.908] as const;

  async function places(collection: ReturnType<typeof conf.db.collection>) {
    const { Point } = geo();
    await collection.add([
      { _id: 'far', name: 'Shanghai', location: new Point(121.47, 31.23) },
      { _id: 'ten', name: '11 km north', location: new Point(here[0], here[1] + 0.1) },
      { _id: 'one', name: '1.1 km north', location: new Point(here[0], here[1] + 0.01) },
      { _id: 'here', name: 'here', location: new Point(here[0], here[1]) },
    ]);
  }

  /**
   * geoNear needs a 2dsphere index, which node-sdk cannot create: on a real CloudBase the run
   * names a collection that has one (TCB_GEO_COLLECTION) and fails plainly when it does not.
   */
  async function nearCollection(base: string) {
    if (!onCloudBase) return conf.freshCollection(base);
    const name = process.env.TCB_GEO_COLLECTION;
    if (!name) throw new Error('set TCB_GEO_COLLECTION to a collection with a 2dsphere index on `location` to run the geoNear cases on CloudBase');
    return conf.db.collection(name);
  }

  test('geoNear returns the matches within the distance bounds, nearest first', async () => {
    const c = await nearCollection('near');
    await places(c);
    const _ = conf.db.command;
    const { Point } = geo();
    const near = (options: { maxDistance?: number; minDistance?: number }) =>
      c.where({ location: _.geoNear({ geometry: new Point(here[0], here[1]), ...options }) }).get();
    expect((await near({ maxDistance: 20_000 })).data.map((d) => d._id)).toEqual(['here', 'one', 'ten']);
    expect((await near({ maxDistance: 5_000, minDistance: 500 })).data.map((d) => d._id)).toEqual(['one']);
    expect((await near({})).data.map((d) => d._id)).toEqual(['here', 'one', 'ten', 'far']);
    if (onCloudBase) await c.where({ _id: _.in(['far', 'ten', 'one', 'here']) }).remove();
  });

  test('the aggregate geoNear stage filters by its query and writes the great-circle distance', async () => {
    const c = await nearCollection('stage');
    await places(c);
    const { Point } = geo();
    const { data } = await c
      .aggregate()
      .geoNear({ near: new Point(here[0], here[1] + 0.01), spherical: true, distanceField: 'meters', key: 'location', query: { name: /north|here/ } })
      .project({ _id: 1, meters: 1 })
      .end();
    expect(data.map((d: { _id: string }) => d._id)).toEqual(['one', 'here', 'ten']);
    // 0.01° and 0.09° of latitude on a sphere of radius 6378.1 km.
    expect(data[0].meters).toBeCloseTo(0, 3);
    expect(data[1].meters).toBeCloseTo(6_378_100 * 0.01 * (Math.PI / 180), 3);
    expect(data[2].meters).toBeCloseTo(6_378_100 * 0.09 * (Math.PI / 180), 3);
    if (onCloudBase) await c.where({ _id: conf.db.command.in(['far', 'ten', 'one', 'here']) }).remove();
  });

  /**
   * From a legacy coordinate pair the stage measures in radians, bounds too (MongoDB's $geoNear);
   * node-sdk 2.x sends its `near` so — a `{ longitude, latitude }` document — and multiplies by
   * 6378100 itself (@cloudbase/database 1.4.0 aggregate.js), which the vendor's geoNear case needs.
   */
  test('the geoNear stage from a legacy pair (array or document) answers radians, its bounds in radians', async () => {
    const c = await nearCollection('stagepair');
    await places(c);
    const radians = (degrees: number) => degrees * (Math.PI / 180);
    const stage = (near: unknown, extra: object = {}) =>
      // A raw pipeline is sent only under options({ raw: true }) (@cloudbase/database collection.js aggregate).
      c.options({ raw: true }).aggregate([{ $geoNear: { near, spherical: true, distanceField: 'd', key: 'location', query: { name: /north|here/ }, ...extra } }, { $project: { _id: 1, d: 1 } }]).end();
    const fromArray = (await stage([here[0], here[1] + 0.01])).data as Array<{ _id: string; d: number }>;
    expect(fromArray.map((d) => d._id)).toEqual(['one', 'here', 'ten']);
    expect(fromArray[1]!.d).toBeCloseTo(radians(0.01), 9);
    expect(fromArray[2]!.d).toBeCloseTo(radians(0.09), 9);
    const bounded = (await stage({ longitude: here[0], latitude: here[1] + 0.01 }, { maxDistance: radians(0.05), distanceMultiplier: 6_378_100 })).data as Array<{ _id: string; d: number }>;
    expect(bounded.map((d) => d._id)).toEqual(['one', 'here']);
    expect(bounded[1]!.d).toBeCloseTo(6_378_100 * radians(0.01), 3);
    if (onCloudBase) await c.where({ _id: conf.db.command.in(['far', 'ten', 'one', 'here']) }).remove();
  });

  test('geoWithin: a polygon (its hole excluded) and a circle on the sphere (centerSphere)', async () => {
    const c = await conf.freshCollection('within');
    await places(c);
    const _ = conf.db.command;
    const { Point, LineString, Polygon } = geo();
    const square = (d: number) =>
      new LineString([
        new Point(here[0] - d, here[1] - d),
        new Point(here[0] + d, here[1] - d),
        new Point(here[0] + d, here[1] + d),
        new Point(here[0] - d, here[1] + d),
        new Point(here[0] - d, here[1] - d),
      ]);
    const ids = async (where: object) => (await c.where(where).get()).data.map((d) => d._id).sort();
    expect(await ids({ location: _.geoWithin({ geometry: new Polygon([square(0.05)]) }) })).toEqual(['here', 'one']);
    expect(await ids({ location: _.geoWithin({ geometry: new Polygon([square(0.05), square(0.005)]) }) })).toEqual(['one']);
    // 5 km and 20 km around here, as radians of the earth's radius.
    expect(await ids({ location: _.geoWithin({ centerSphere: [new Point(here[0], here[1]), 5 / 6378.1] }) })).toEqual(['here', 'one']);
    expect(await ids({ location: _.geoWithin({ centerSphere: [[here[0], here[1]], 20 / 6378.1] }) })).toEqual(['here', 'one', 'ten']);
  });
});

describe('jsonSchema', () => {
  test('where and nor with a schema', async () => {
    const c = await conf.freshCollection('schema');
    await c.add([{ _id: 'full', title: '读书会', seats: 12 }, { _id: 'untitled', seats: 3 }, { _id: 'text', title: '茶话会', seats: '10' }]);
    const _ = conf.db.command;
    const ids = async (where: object) => (await c.where(where).get()).data.map((d) => d._id).sort();
    expect(await ids(_.jsonSchema({ required: ['title'] }))).toEqual(['full', 'text']);
    expect(await ids(_.jsonSchema({ required: ['title'], properties: { seats: { bsonType: 'int', minimum: 5 } } }))).toEqual(['full']);
    expect(await ids(_.nor([_.jsonSchema({ required: ['title'] })]))).toEqual(['untitled']);
  });
});

describe('string and date expressions', () => {
  test('indexOfCP counts code points and indexOfBytes UTF-8 bytes; substr and substrBytes with a negative length run to the end; week starts on Sunday', async () => {
    const c = await conf.freshCollection('expr');
    await c.add([
      { _id: '1', s: 'ab邻里 open', d: new Date('2019-01-05T12:00:00Z') },
      { _id: '2', s: 'abcdef', d: new Date('2019-01-06T12:00:00Z') },
      { _id: '3', s: 'xyz', d: new Date('2019-12-31T12:00:00Z') },
    ]);
    const $ = conf.db.command.aggregate;
    const { data } = await c
      .aggregate()
      .sort({ _id: 1 })
      .project({
        _id: 0,
        cp: $.indexOfCP(['$s', 'open']),
        bytes: $.indexOfBytes(['$s', 'open']),
        tail: $.substr(['$s', 2, -1]),
        tailBytes: $.substrBytes(['$s', 1, -1]),
        week: $.week('$d'),
      })
      .end();
    expect(data).toEqual([
      // 'open' is code point 5 but byte 9: 邻 and 里 are three bytes each in UTF-8.
      { cp: 5, bytes: 9, tail: '邻里 open', tailBytes: 'b邻里 open', week: 0 },
      { cp: -1, bytes: -1, tail: 'cdef', tailBytes: 'bcdef', week: 1 },
      { cp: -1, bytes: -1, tail: 'z', tailBytes: 'yz', week: 52 },
    ]);
  });
});
