import { describe, expect, it } from 'vitest';
import {
  API_TOKEN_SCOPES,
  copyText,
  emptyApiTokenValues,
  endOfDayInZone,
  hasErrors,
  isApiTokenScope,
  localDateToday,
  prefixDisplay,
  scopeDescriptions,
  scopeLabels,
  toCreateApiTokenInput,
  validateApiToken,
} from './api-token-values.ts';

describe('endOfDayInZone', () => {
  it('is the last millisecond of that day on the company’s clock, not the browser’s', () => {
    expect(endOfDayInZone('2026-03-29', 'Europe/Berlin')).toBe('2026-03-29T21:59:59.999Z');
    expect(endOfDayInZone('2026-12-31', 'America/New_York')).toBe('2027-01-01T04:59:59.999Z');
  });

  it('refuses what is not a calendar day', () => {
    expect(endOfDayInZone('', 'Europe/Berlin')).toBeNull();
    expect(endOfDayInZone('2026-02-30', 'Europe/Berlin')).toBeNull();
    expect(endOfDayInZone('29.03.2026', 'Europe/Berlin')).toBeNull();
  });
});

describe('localDateToday', () => {
  it('reads the company’s calendar day, zero-padded', () => {
    const instant = new Date('2026-01-04T23:30:00Z');
    expect(localDateToday('Europe/Berlin', instant)).toBe('2026-01-05');
    expect(localDateToday('America/New_York', instant)).toBe('2026-01-04');
  });
});

describe('scopes', () => {
  it('explains every scope in one line, read-only first', () => {
    expect(API_TOKEN_SCOPES[0]).toBe('READ_ONLY');
    expect(scopeDescriptions.READ_ONLY).toBe(
      'Reads everything an admin can read; changes nothing.',
    );
    expect(scopeDescriptions.WHS).toMatch(/^Acts with the WHS officer role/);
    expect(scopeDescriptions.ADMIN).toMatch(/^Acts with the admin role/);
    for (const scope of API_TOKEN_SCOPES) {
      expect(scopeLabels[scope]).not.toBe('');
      expect(scopeDescriptions[scope]).not.toContain('\n');
    }
  });

  it('recognises only the scopes the server takes', () => {
    expect(isApiTokenScope('WHS')).toBe(true);
    expect(isApiTokenScope('WORKER')).toBe(false);
    expect(isApiTokenScope('toString')).toBe(false);
  });
});

describe('validateApiToken', () => {
  it('needs a name of 3 to 100 characters and a real expiry date when one is given', () => {
    expect(validateApiToken(emptyApiTokenValues).name).toMatch(/^Name the token/);
    expect(validateApiToken({ ...emptyApiTokenValues, name: ' ab ' }).name).toBe(
      'Use at least 3 characters.',
    );
    expect(validateApiToken({ ...emptyApiTokenValues, name: 'x'.repeat(101) }).name).toBe(
      'Use at most 100 characters.',
    );
    expect(
      validateApiToken({ ...emptyApiTokenValues, name: 'Export', expiresOn: '2026-02-30' })
        .expiresAt,
    ).toMatch(/valid date/);
    expect(hasErrors(validateApiToken({ ...emptyApiTokenValues, name: 'Export' }))).toBe(false);
  });
});

describe('toCreateApiTokenInput', () => {
  it('trims the name and sends no expiry as null', () => {
    expect(
      toCreateApiTokenInput({ name: ' Nightly export ', scope: 'WHS', expiresOn: '' }, 'UTC'),
    ).toEqual({ name: 'Nightly export', scope: 'WHS', expiresAt: null });
  });

  it('sends an expiry date as the end of that day in the company’s zone', () => {
    const input = toCreateApiTokenInput(
      {
        name: 'Export',
        scope: 'READ_ONLY',
        expiresOn: '2026-12-31',
      },
      'Europe/Berlin',
    );
    expect(input.expiresAt).toBe('2026-12-31T22:59:59.999Z');
  });
});

describe('prefixDisplay', () => {
  it('marks the prefix as the start of a longer secret', () => {
    expect(prefixDisplay('aegira_1a2b3c4d')).toBe('aegira_1a2b3c4d…');
  });
});

describe('copyText', () => {
  it('says whether the text reached the clipboard', async () => {
    const written: string[] = [];
    const clipboard = {
      writeText: async (text: string) => {
        written.push(text);
      },
    };
    expect(await copyText('aegira_x', clipboard)).toBe('copied');
    expect(written).toEqual(['aegira_x']);
    expect(await copyText('aegira_x', undefined)).toBe('unavailable');
    const refusing = { writeText: () => Promise.reject(new Error('NotAllowedError')) };
    expect(await copyText('aegira_x', refusing)).toBe('failed');
  });
});
