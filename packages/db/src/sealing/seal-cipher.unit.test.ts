import { randomBytes, randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { openText, sealedSubject, sealText } from './seal-cipher.ts';

describe('the seal cipher', () => {
  const key = randomBytes(32);
  const person = randomUUID();
  const eventId = randomUUID();

  it('opens what it sealed, and names the person whose key sealed it', () => {
    const sealed = sealText(key, person, eventId, '{"notes":"knee hurts"}');
    expect(sealed).not.toContain('knee');
    expect(sealedSubject(sealed)).toBe(person);
    expect(openText(key, eventId, sealed)).toBe('{"notes":"knee hurts"}');
  });

  it('refuses a sealed part moved to another event, altered, or opened with another key', () => {
    const sealed = sealText(key, person, eventId, 'secret');
    expect(() => openText(key, randomUUID(), sealed)).toThrow();
    expect(() => openText(randomBytes(32), eventId, sealed)).toThrow();
    const body = sealed.split('.')[2] ?? '';
    const flipped = `${body.slice(0, -2)}${body.endsWith('AA') ? 'AB' : 'AA'}`;
    expect(() => openText(key, eventId, `v1.${person}.${flipped}`)).toThrow();
  });

  it('seals the same text differently each time (a fresh IV)', () => {
    expect(sealText(key, person, eventId, 'same')).not.toBe(sealText(key, person, eventId, 'same'));
  });
});
