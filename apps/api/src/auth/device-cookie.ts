import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * OWASP's device cookie (Authentication Cheat Sheet, "Device Cookies"): a
 * successful login gives the browser a signed cookie naming the account; a
 * browser presenting it for that account is exempt from the per-account
 * throttle, so an attacker's failures cannot lock the owner out.
 */
export const DEVICE_COOKIE = '__Host-aegira_device';
export const DEVICE_COOKIE_TTL_SECONDS = 180 * 24 * 60 * 60;

// <nonce>.<expiry, epoch seconds>.<HMAC-SHA256 of account, nonce and expiry>
const PATTERN = /^([A-Za-z0-9_-]{22})\.(\d{1,12})\.([A-Za-z0-9_-]{43})$/;

function signature(secret: string, account: string, nonce: string, expiry: string): string {
  return createHmac('sha256', `aegira-device:${secret}`)
    .update(`${account}\n${nonce}\n${expiry}`)
    .digest('base64url');
}

/** A new device cookie value for `account` (the limiter's account key; nothing in clear). */
export function issueDeviceCookie(secret: string, account: string, now = Date.now()): string {
  const nonce = randomBytes(16).toString('base64url');
  const expiry = String(Math.floor(now / 1000) + DEVICE_COOKIE_TTL_SECONDS);
  return `${nonce}.${expiry}.${signature(secret, account, nonce, expiry)}`;
}

/** True when `value` is an unexpired device cookie issued for `account` with this secret. */
export function isDeviceCookieFor(
  secret: string,
  account: string,
  value: string | null | undefined,
  now = Date.now(),
): boolean {
  const match = value ? PATTERN.exec(value) : null;
  if (!match?.[1] || !match[2] || !match[3]) return false;
  if (Number(match[2]) * 1000 <= now) return false;
  const expected = Buffer.from(signature(secret, account, match[1], match[2]));
  const presented = Buffer.from(match[3]);
  return expected.length === presented.length && timingSafeEqual(expected, presented);
}
