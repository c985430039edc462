/**
 * Personal data at rest (ID and phone numbers): AES-256-GCM with the key from LINLI_DATA_KEY
 * (32 bytes, base64). Sealed values are `pd1:<iv>:<tag>:<ciphertext>`; without a key we fail
 * closed rather than store plaintext.
 */
import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';

const PREFIX = 'pd1';

function key(): Buffer {
  const encoded = process.env.LINLI_DATA_KEY;
  const bytes = encoded ? Buffer.from(encoded, 'base64') : Buffer.alloc(0);
  if (bytes.length !== 32) throw new Error('LINLI_DATA_KEY must be 32 bytes, base64-encoded');
  return bytes;
}

/** Encrypts a personal value for storage. */
export function sealPersonal(plaintext: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key(), iv);
  const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return [PREFIX, iv.toString('base64'), cipher.getAuthTag().toString('base64'), ciphertext.toString('base64')].join(':');
}

/** Decrypts a sealed personal value; throws if it was tampered with. */
export function openPersonal(sealed: string): string {
  const [prefix, iv, tag, ciphertext] = sealed.split(':');
  if (prefix !== PREFIX || !iv || !tag || ciphertext === undefined) throw new Error('not a sealed personal value');
  const decipher = createDecipheriv('aes-256-gcm', key(), Buffer.from(iv, 'base64'));
  decipher.setAuthTag(Buffer.from(tag, 'base64'));
  return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64')), decipher.final()]).toString('utf8');
}

/** A phone number with its middle hidden: 138****5678. */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\s+/g, '');
  return digits.length >= 7 ? `${digits.slice(0, 3)}****${digits.slice(-4)}` : '****';
}

/** A name with all but the first character hidden: 李** . */
export function maskName(name: string): string {
  return name.length <= 1 ? name : `${name[0]}${'*'.repeat(Math.min(name.length - 1, 2))}`;
}

/**
 * A nickname as staff see a reporter: its first character and ＊ (王＊), enough to tell reports
 * apart without exposing who reported whom.
 */
export function maskNickname(nickname: string): string {
  const first = Array.from(nickname.trim())[0];
  return first ? `${first}＊` : '＊';
}

/**
 * A keyed digest of a personal value, to find duplicates (one registration per ID number)
 * without storing the value: ID numbers are few enough that a plain hash could be reversed.
 */
export function blindIndex(kind: string, value: string): string {
  return createHmac('sha256', key()).update(`${kind}:${value}`).digest('hex').slice(0, 40);
}

/** A contact person as one viewer may see them: the phone unsealed, and name and phone masked unless `inFull`. */
export function contactAsSeen(contact: { name: string; phoneSealed: string }, inFull: boolean): { name: string; phone: string; masked: boolean } {
  const phone = openPersonal(contact.phoneSealed);
  return inFull ? { name: contact.name, phone, masked: false } : { name: maskName(contact.name), phone: maskPhone(phone), masked: true };
}
