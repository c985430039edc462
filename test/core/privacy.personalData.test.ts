/** Personal data sealing: round trip, tamper detection, failing closed without a key, masks. */
import { randomBytes } from 'node:crypto';
import { maskName, maskPhone, openPersonal, sealPersonal } from '../../cloudfunctions/_core/privacy/personalData';

const original = process.env.LINLI_DATA_KEY;
beforeEach(() => {
  process.env.LINLI_DATA_KEY = randomBytes(32).toString('base64');
});
afterAll(() => {
  process.env.LINLI_DATA_KEY = original;
});

test('seals to an opaque value and opens back; two seals of one value differ', () => {
  const sealed = sealPersonal('13812345678');
  expect(sealed).toMatch(/^pd1:/);
  expect(sealed).not.toContain('1381234');
  expect(sealPersonal('13812345678')).not.toBe(sealed);
  expect(openPersonal(sealed)).toBe('13812345678');
});

test('a tampered value or another key does not open', () => {
  const sealed = sealPersonal('110105199001011234');
  const parts = sealed.split(':');
  const flipped = Buffer.from(parts[3]!, 'base64');
  flipped[0] = flipped[0]! ^ 1;
  expect(() => openPersonal([...parts.slice(0, 3), flipped.toString('base64')].join(':'))).toThrow();
  process.env.LINLI_DATA_KEY = randomBytes(32).toString('base64');
  expect(() => openPersonal(sealed)).toThrow();
});

test('without a proper key nothing is sealed', () => {
  delete process.env.LINLI_DATA_KEY;
  expect(() => sealPersonal('13812345678')).toThrow('LINLI_DATA_KEY must be 32 bytes');
  process.env.LINLI_DATA_KEY = Buffer.from('short').toString('base64');
  expect(() => sealPersonal('13812345678')).toThrow('LINLI_DATA_KEY must be 32 bytes');
});

test('masks keep only what identifies nothing', () => {
  expect(maskPhone('13812345678')).toBe('138****5678');
  expect(maskPhone('0571-88001234')).toBe('057****1234');
  expect(maskPhone('12345')).toBe('****');
  expect(maskName('李桂芳')).toBe('李**');
  expect(maskName('欧阳娜娜')).toBe('欧**');
  expect(maskName('王')).toBe('王');
});
