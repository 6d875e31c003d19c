import { describe, expect, it } from 'vitest';
import { companyOfSignInPath } from './company-memory.ts';

describe('a company sign-in link /c/<slug>', () => {
  it('names the company of a well-formed link, in lower case', () => {
    expect(companyOfSignInPath('/c/demo-construction-co')).toBe('demo-construction-co');
    expect(companyOfSignInPath('/c/Harbour-Works-2/')).toBe('harbour-works-2');
  });

  it('is not one for other paths or malformed names', () => {
    for (const path of [
      '/login',
      '/c/',
      '/c/a/b',
      '/c/-lead',
      '/c/two--dashes',
      '/c/a%20b',
      '/cx/a',
    ]) {
      expect(companyOfSignInPath(path), path).toBeNull();
    }
  });
});
