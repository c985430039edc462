/** What the local cloud keeps in its data folder besides the database: the emulator's socket and the data key. */
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Where the emulator's Unix socket goes: the data folder, or the temp folder when that path is too long. */
export function emulatorSocketPath(dataDir: string): string | undefined {
  if (process.platform === 'win32') return undefined;
  const inData = join(dataDir, 'emulator.sock');
  if (Buffer.byteLength(inData) < 100) return inData;
  const inTemp = join(tmpdir(), `linli-${createHash('sha256').update(dataDir).digest('hex').slice(0, 16)}.sock`);
  return Buffer.byteLength(inTemp) < 100 ? inTemp : undefined;
}

/**
 * The local key for personal data: generated once per data folder and kept beside the data
 * (owner-only), so a copied database without its key file shows no phone or ID numbers.
 */
export function localDataKey(dataDir: string): string {
  const file = join(dataDir, 'data.key');
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString('base64'), { mode: 0o600, flag: 'wx' });
  return readFileSync(file, 'utf8').trim();
}
