import { describe, expect, it } from 'vitest';
import { DEVELOPMENT_APP_DB_PASSWORD, EnvError, loadEnv } from './env.ts';

const APP_PASSWORD = 'a-secret-app-role-password';
const PRODUCTION = {
  NODE_ENV: 'production',
  JWT_SECRET: 'x'.repeat(32),
  AEGIRA_APP_DB_PASSWORD: APP_PASSWORD,
};

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
    expect(() => loadEnv({ NODE_ENV: 'production', AEGIRA_APP_DB_PASSWORD: APP_PASSWORD })).toThrow(
      /JWT_SECRET/,
    );
    expect(loadEnv(PRODUCTION).JWT_SECRET).toHaveLength(32);
  });

  it('refuses the development app-role password in production', () => {
    expect(() => loadEnv({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(32) })).toThrow(
      /AEGIRA_APP_DB_PASSWORD: the development password is not allowed/,
    );
    expect(() =>
      loadEnv({ ...PRODUCTION, AEGIRA_APP_DB_PASSWORD: DEVELOPMENT_APP_DB_PASSWORD }),
    ).toThrow(EnvError);
    expect(loadEnv({}).AEGIRA_APP_DB_PASSWORD).toBe(DEVELOPMENT_APP_DB_PASSWORD);
  });

  it('runs jobs by default, with a timeout and no test clock', () => {
    const env = loadEnv({});
    expect(env.AEGIRA_JOBS).toBe('on');
    expect(env.AEGIRA_JOB_TIMEOUT_SECONDS).toBe(600);
    expect(env.AEGIRA_JOB_NOW).toBeUndefined();
    expect(loadEnv({ AEGIRA_JOBS: 'off' }).AEGIRA_JOBS).toBe('off');
    expect(() => loadEnv({ AEGIRA_JOBS: 'no' })).toThrow(/AEGIRA_JOBS/);
    expect(() => loadEnv({ AEGIRA_JOB_TIMEOUT_SECONDS: '0' })).toThrow(
      /AEGIRA_JOB_TIMEOUT_SECONDS/,
    );
  });

  it('reads the operations settings: log format, bind address, metrics token, demo data', () => {
    const env = loadEnv({});
    expect(env.LOG_FORMAT).toBe('json');
    expect(env.HOST).toBe('127.0.0.1');
    expect(env.AEGIRA_METRICS_TOKEN).toBeUndefined();
    expect(env.AEGIRA_DEMO).toBeUndefined();
    // Compose passes an unset variable as an empty string: that means "no metrics".
    expect(loadEnv({ AEGIRA_METRICS_TOKEN: '' }).AEGIRA_METRICS_TOKEN).toBeUndefined();
    expect(() => loadEnv({ AEGIRA_METRICS_TOKEN: 'short' })).toThrow(/AEGIRA_METRICS_TOKEN/);
    expect(() => loadEnv({ LOG_FORMAT: 'xml' })).toThrow(/LOG_FORMAT/);
    expect(loadEnv({ AEGIRA_DEMO: 'off', HOST: '0.0.0.0' })).toMatchObject({
      AEGIRA_DEMO: 'off',
      HOST: '0.0.0.0',
    });
  });

  it('takes a test clock for jobs, except in production', () => {
    const now = loadEnv({ AEGIRA_JOB_NOW: '2026-11-26T12:00:00+01:00' }).AEGIRA_JOB_NOW;
    expect(now?.toISOString()).toBe('2026-11-26T11:00:00.000Z');
    expect(() => loadEnv({ AEGIRA_JOB_NOW: 'tomorrow' })).toThrow(/AEGIRA_JOB_NOW/);
    expect(() =>
      loadEnv({
        ...PRODUCTION,
        AEGIRA_JOB_NOW: '2026-11-26T12:00:00Z',
      }),
    ).toThrow(/AEGIRA_JOB_NOW/);
  });
});
