import { describe, expect, it } from 'vitest';
import { EnvError, loadEnv } from './env.ts';

describe('loadEnv', () => {
  it('gives development defaults for an empty environment', () => {
    const env = loadEnv({});
    expect(env.NODE_ENV).toBe('development');
    expect(env.PORT).toBe(3000);
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.AEGIRA_DATA_DIR).toMatch(/\.data$/);
    expect(env.AEGIRA_ALLOWED_ORIGINS).toEqual([]);
  });

  it('coerces PORT and splits allowed origins', () => {
    const env = loadEnv({ PORT: '4100', AEGIRA_ALLOWED_ORIGINS: 'http://a.test, http://b.test' });
    expect(env.PORT).toBe(4100);
    expect(env.AEGIRA_ALLOWED_ORIGINS).toEqual(['http://a.test', 'http://b.test']);
  });

  it('names the variable that is wrong', () => {
    expect(() => loadEnv({ PORT: 'eighty' })).toThrowError(EnvError);
    expect(() => loadEnv({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => loadEnv({ DATABASE_URL: 'not a url' })).toThrow(/DATABASE_URL/);
  });

  it('requires a JWT secret in production', () => {
    expect(() => loadEnv({ NODE_ENV: 'production' })).toThrow(/JWT_SECRET/);
    expect(loadEnv({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(32) }).JWT_SECRET).toHaveLength(
      32,
    );
  });
});
