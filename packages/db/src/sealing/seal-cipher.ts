import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

// The sealed part of a payload (docs/decisions/039): `v1.<person id>.<base64url(iv | tag | ciphertext)>`,
// AES-256-GCM under the person's key. The person's id is in clear so a reader knows which key
// to fetch; the event's id is the additional data, so a sealed part moved to another event
// does not open.
const VERSION = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;
export const KEY_BYTES = 32;

// IVs are cut from a pool of random bytes drawn a few KiB at a time (as randomUUID caches its
// entropy), each slice used once: randomBytes(12) per seal was a third of a seal's CPU time.
const IV_POOL_BYTES = IV_BYTES * 512;
let ivPool = Buffer.alloc(0);
let ivOffset = 0;
function freshIv(): Buffer {
  if (ivOffset + IV_BYTES > ivPool.length) {
    ivPool = randomBytes(IV_POOL_BYTES);
    ivOffset = 0;
  }
  ivOffset += IV_BYTES;
  return ivPool.subarray(ivOffset - IV_BYTES, ivOffset);
}

export function sealText(
  key: Buffer,
  personId: string,
  eventId: string,
  plaintext: string,
): string {
  const iv = freshIv();
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(eventId, 'utf8'));
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  const sealed = Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url');
  return `${VERSION}.${personId}.${sealed}`;
}

/** The person whose key sealed this part, or null when it is not a sealed part of a known version. */
export function sealedSubject(sealed: string): string | null {
  const [version, personId, body] = sealed.split('.');
  return version === VERSION && personId && body ? personId : null;
}

/** The plaintext; throws when the part was altered, moved to another event or sealed with another key. */
export function openText(key: Buffer, eventId: string, sealed: string): string {
  const body = Buffer.from(sealed.split('.')[2] ?? '', 'base64url');
  const decipher = createDecipheriv('aes-256-gcm', key, body.subarray(0, IV_BYTES));
  decipher.setAAD(Buffer.from(eventId, 'utf8'));
  decipher.setAuthTag(body.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
  return Buffer.concat([
    decipher.update(body.subarray(IV_BYTES + TAG_BYTES)),
    decipher.final(),
  ]).toString('utf8');
}
