import { describe, expect, it } from 'vitest';
import { attachmentName, subjectAccessUrl } from './subject-access-download.ts';

describe('the subject-access download', () => {
  it('asks the API route for the person', () => {
    expect(subjectAccessUrl('7f73197b-9c45-4560-8f30-54da45349596')).toBe(
      '/api/people/7f73197b-9c45-4560-8f30-54da45349596/subject-access',
    );
  });

  it('saves the file under the name the server chose, or none when it chose none', () => {
    expect(attachmentName('attachment; filename="subject-access-x-2026-11-27.json"')).toBe(
      'subject-access-x-2026-11-27.json',
    );
    expect(attachmentName('attachment')).toBeNull();
    expect(attachmentName(null)).toBeNull();
  });
});
