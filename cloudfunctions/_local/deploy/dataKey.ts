/**
 * The data key (LINLI_DATA_KEY) seals phone and ID numbers; data sealed with one key cannot be
 * read with another. A deploy must therefore never drop the key online nor swap it for a
 * different one. It compares fingerprints, never keys: the fingerprint is an HMAC-SHA256 of a
 * fixed label keyed by the key, which tells whether two keys are equal and nothing about them.
 */
import { createHmac } from 'node:crypto';

export const DATA_KEY_FINGERPRINT_VARIABLE = 'LINLI_DATA_KEY_FINGERPRINT';
const LABEL = 'linli data key fingerprint v1';

/** The key as the functions read it (cloudfunctions/_core/privacy/personalData.ts): 32 bytes, base64. */
export function parseDataKey(encoded: string | undefined): Buffer {
  if (!encoded) throw new Error('LINLI_DATA_KEY is not set: deploy with the key already in use (or a new one, `openssl rand -base64 32`, for a new environment)');
  const bytes = Buffer.from(encoded, 'base64');
  if (bytes.length !== 32) throw new Error('LINLI_DATA_KEY must be 32 bytes, base64-encoded');
  return bytes;
}

export function dataKeyFingerprint(encoded: string): string {
  return createHmac('sha256', parseDataKey(encoded)).update(LABEL).digest('hex');
}

/**
 * What a function online says about its key: its stored fingerprint, or — for a function
 * deployed before fingerprints, holding the key only — the fingerprint of that key.
 */
export function onlineFingerprint(vars: Record<string, string>): string | undefined {
  if (vars[DATA_KEY_FINGERPRINT_VARIABLE]) return vars[DATA_KEY_FINGERPRINT_VARIABLE];
  if (vars.LINLI_DATA_KEY) {
    try {
      return dataKeyFingerprint(vars.LINLI_DATA_KEY);
    } catch {
      return 'unreadable key online';
    }
  }
  return undefined;
}
