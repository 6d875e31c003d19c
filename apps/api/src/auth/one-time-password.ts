import { randomInt } from 'node:crypto';

// No 0/O, 1/l/I: an admin reads it out or types it into a message.
const ALPHABET = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const GROUPS = 4;
const GROUP_LENGTH = 4;

/**
 * A one-time password for an admin to hand over: 16 random characters from 55
 * (about 92 bits), in dash-separated groups of four so it can be read out. It
 * only opens the change-password screen.
 */
export function generateOneTimePassword(): string {
  const groups: string[] = [];
  for (let group = 0; group < GROUPS; group += 1) {
    let part = '';
    for (let index = 0; index < GROUP_LENGTH; index += 1) {
      part += ALPHABET[randomInt(ALPHABET.length)];
    }
    groups.push(part);
  }
  return groups.join('-');
}
