/** The H5 dev-session bearer token (weapp needs none: the platform vouches for the openid). */
import { readStorage, removeStorage, STORAGE_KEYS, writeStorage } from '../utils/storage';

export function getToken(): string | null {
  const token = readStorage(STORAGE_KEYS.token);
  return typeof token === 'string' && token.length > 0 ? token : null;
}

export function setToken(token: string): void {
  writeStorage(STORAGE_KEYS.token, token);
}

export function clearToken(): void {
  removeStorage(STORAGE_KEYS.token);
}
