/**
 * The keyed hash that stands in for platform user ids in the question log. The key lives in its
 * own file beside the database (mode 0600), so a copy of the database alone cannot be used to
 * check whether a given person asked anything.
 */
import { createHmac, randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';

/** Bytes of the random key. */
const KEY_BYTES = 32;
/** Hex characters kept of each hash: 128 bits, far beyond any collision among users. */
const HASH_HEX = 32;

/**
 * Reads the key in `file`, creating it with a fresh random key (mode 0600) when it does not exist.
 * Throws the file system's error when it can be neither read nor created.
 *
 * @example
 * const key = loadOrCreateUserKey('.data/user-hash.key');
 */
export function loadOrCreateUserKey(file: string): Buffer {
  try {
    const key = readFileSync(file);
    if (key.length >= KEY_BYTES) return key;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const key = randomBytes(KEY_BYTES);
  // 'wx': never overwrite a key another process just wrote.
  try {
    writeFileSync(file, key, { mode: 0o600, flag: 'wx' });
    return key;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return readFileSync(file);
    throw error;
  }
}

/**
 * The keyed hash of a person on a platform: HMAC-SHA256 of `platform:userId`, 32 hex characters.
 * The same person always gets the same hash under one key; without the key it reveals nothing.
 *
 * @example
 * hashUser(key, 'discord', '400000000000000001'); // '3f1c…' (32 hex characters)
 */
export function hashUser(key: Buffer, platform: string, userId: string): string {
  return createHmac('sha256', key).update(`${platform}:${userId}`).digest('hex').slice(0, HASH_HEX);
}
