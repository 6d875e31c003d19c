import { describe, expect, it } from 'vitest';
import {
  API_TOKEN_SCOPES,
  copyText,
  emptyApiTokenValues,
  endOfDayInBrowserZone,
  hasErrors,
  isApiTokenScope,
  localDateToday,
  prefixDisplay,
  scopeDescriptions,
  scopeLabels,
  toCreateApiTokenInput,
  validateApiToken,
} from './api-token-values.ts';

describe('endOfDayInBrowserZone', () => {
  it('is the last millisecond of that day on the browser’s clock', () => {
    const iso = endOfDayInBrowserZone('2026-03-29');
    expect(iso).toBe(new Date(2026, 2, 29, 23, 59, 59, 999).toISOString());
    const end = new Date(iso ?? '');
    expect([end.getFullYear(), end.getMonth(), end.getDate()]).toEqual([2026, 2, 29]);
    expect([end.getHours(), end.getMinutes(), end.getSeconds()]).toEqual([23, 59, 59]);
    // One millisecond later is the next day.
    expect(new Date(end.getTime() + 1).getDate()).toBe(30);
  });

  it('refuses what is not a calendar day', () => {
    expect(endOfDayInBrowserZone('')).toBeNull();
    expect(endOfDayInBrowserZone('2026-02-30')).toBeNull();
    expect(endOfDayInBrowserZone('29.03.2026')).toBeNull();
  });
});

describe('localDateToday', () => {
  it('reads the browser’s calendar day, zero-padded', () => {
    expect(localDateToday(new Date(2026, 0, 5, 0, 30))).toBe('2026-01-05');
    expect(localDateToday(new Date(2026, 11, 31, 23, 59))).toBe('2026-12-31');
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
      toCreateApiTokenInput({ name: ' Nightly export ', scope: 'WHS', expiresOn: '' }),
    ).toEqual({ name: 'Nightly export', scope: 'WHS', expiresAt: null });
  });

  it('sends an expiry date as the end of that day', () => {
    const input = toCreateApiTokenInput({
      name: 'Export',
      scope: 'READ_ONLY',
      expiresOn: '2026-12-31',
    });
    expect(input.expiresAt).toBe(endOfDayInBrowserZone('2026-12-31'));
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
