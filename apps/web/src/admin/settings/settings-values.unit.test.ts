import { describe, expect, it } from 'vitest';
import { settingsChanges, validateSettings } from './settings-values.ts';

const company = {
  id: '0f8b8c1e-2d3a-4b5c-9d6e-7f8091a2b3c4',
  name: 'Harbour Works',
  slug: 'harbour-works',
  timezone: 'Europe/Berlin',
};

describe('settingsChanges', () => {
  it('sends only what changed, trimmed', () => {
    expect(settingsChanges(company, { name: ' Harbour Works ', timezone: 'Europe/Berlin' })).toBe(
      null,
    );
    expect(settingsChanges(company, { name: 'Harbour Co', timezone: 'Europe/Berlin' })).toEqual({
      name: 'Harbour Co',
    });
    expect(settingsChanges(company, { name: 'Harbour Works', timezone: 'Asia/Tokyo' })).toEqual({
      timezone: 'Asia/Tokyo',
    });
  });
});

describe('validateSettings', () => {
  it('wants a name of 2 to 120 characters and a timezone', () => {
    expect(validateSettings({ name: 'A', timezone: '' })).toEqual({
      name: 'Use at least 2 characters.',
      timezone: 'Choose a timezone.',
    });
    expect(validateSettings({ name: 'x'.repeat(121), timezone: 'UTC' }).name).toBe(
      'Use at most 120 characters.',
    );
  });
});
