import { randomUUID } from 'node:crypto';
import jwt from 'jsonwebtoken';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signSessionToken } from '../src/auth/session-token.ts';
import {
  createTestApi,
  failureOf,
  TEST_JWT_SECRET,
  type TestApi,
} from '../test-support/api-harness.ts';

let api: TestApi;
beforeAll(async () => {
  api = await createTestApi({
    loginLimits: { perAddress: 1000, failuresPerAccountAddress: 3, windowSeconds: 60 },
  });
});
afterAll(async () => {
  await api?.close();
});

async function ownerQuery<T extends pg.QueryResultRow>(sql: string, params: unknown[] = []) {
  const client = new pg.Client({ connectionString: api.ownerUrl });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

function unique(prefix: string) {
  return `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 7)}@example.test`;
}

describe('auth.signUp', () => {
  it('creates the company and its admin through events, and signs the admin in by cookie only', async () => {
    const email = unique('founder');
    const client = api.client();
    const result = await client.api.auth.signUp({
      company: { name: 'Kestrel Haulage', timezone: 'Australia/Perth' },
      admin: { firstName: 'Kim', lastName: 'Founder', email, password: 'a-long-enough-password' },
    });
    expect(result.user).toMatchObject({
      email,
      role: 'ADMIN',
      company: { name: 'Kestrel Haulage', slug: 'kestrel-haulage', timezone: 'Australia/Perth' },
    });
    // The token is in the cookie jar, never in the response body.
    expect(client.token).toBeTypeOf('string');
    expect(JSON.stringify(result)).not.toContain(client.token);

    const events = await ownerQuery<{ type: string; actor_id: string; entity_id: string }>(
      'SELECT type, actor_id, entity_id FROM events WHERE company_id = $1 ORDER BY position',
      [result.user.company.id],
    );
    expect(events.map((event) => event.type)).toEqual(['COMPANY_CREATED', 'PERSON_CREATED']);
    expect(events.every((event) => event.actor_id === result.user.id)).toBe(true);
    // The hash is a credential beside the person, never in PERSON_CREATED.
    const [credential] = await ownerQuery<{ password_hash: string }>(
      'SELECT password_hash FROM person_credentials WHERE person_id = $1',
      [result.user.id],
    );
    expect(credential?.password_hash).toMatch(/^\$argon2id\$/);
    const payloads = await ownerQuery<{ payload: Record<string, unknown> }>(
      'SELECT payload FROM events WHERE company_id = $1',
      [result.user.company.id],
    );
    for (const { payload } of payloads) expect(payload).not.toHaveProperty('passwordHash');
    expect(JSON.stringify(payloads)).not.toMatch(/argon2/);
    const audits = await ownerQuery<{ action: string }>(
      'SELECT action FROM audit_logs WHERE company_id = $1 ORDER BY created_at',
      [result.user.company.id],
    );
    expect(audits.map((audit) => audit.action).sort()).toEqual([
      'COMPANY_CREATED',
      'PERSON_CREATED',
    ]);
  });

  it('gives a second company with the same name its own slug', async () => {
    const first = await api.signUpCompany({ companyName: 'Same Name Ltd' });
    const second = await api.signUpCompany({ companyName: 'Same Name Ltd' });
    expect(first.user.company.slug).toBe('same-name-ltd');
    expect(second.user.company.slug).toBe('same-name-ltd-2');
  });

  it('accepts an email another company uses: sign-up reveals nothing about other companies', async () => {
    const { user } = await api.signUpCompany();
    const { user: second } = await api.client().api.auth.signUp({
      company: { name: 'Copycat', timezone: 'UTC' },
      admin: {
        firstName: 'C',
        lastName: 'C',
        email: user.email.toUpperCase(),
        password: 'another-long-password',
      },
    });
    expect(second.email).toBe(user.email);
    expect(second.company.id).not.toBe(user.company.id);
  });

  it.each([
    [{ password: 'short' }, 'admin.password', /at least 12/],
    [{ email: 'not-an-email' }, 'admin.email', /valid email/],
  ])('rejects bad admin input %o naming %s', async (patch, field, message) => {
    const before = await ownerQuery<{ n: string }>('SELECT count(*) AS n FROM events');
    const attempt = api.client().api.auth.signUp({
      company: { name: 'Bad Input Co', timezone: 'UTC' },
      admin: {
        firstName: 'B',
        lastName: 'I',
        email: unique('bad'),
        password: 'long-enough-password',
        ...patch,
      },
    });
    const failure = await failureOf(attempt);
    expect(failure.code).toBe('BAD_REQUEST');
    expect(failure.message).toMatch(field);
    expect(failure.fieldErrors?.[field]?.join(' ')).toMatch(message);
    const after = await ownerQuery<{ n: string }>('SELECT count(*) AS n FROM events');
    expect(after).toEqual(before);
  });

  it('rejects a timezone that is not an IANA name', async () => {
    const failure = await failureOf(
      api.client().api.auth.signUp({
        company: { name: 'Nowhere Inc', timezone: 'Mars/Olympus' },
        admin: {
          firstName: 'N',
          lastName: 'I',
          email: unique('tz'),
          password: 'long-enough-password',
        },
      }),
    );
    expect(failure.message).toMatch(/company\.timezone: must be an IANA timezone/);
  });

  it('rejects an unknown field such as a smuggled companyId, naming it, and writes nothing', async () => {
    const before = await ownerQuery<{ n: string }>('SELECT count(*) AS n FROM companies');
    const input = {
      company: {
        name: 'Sneaky Co',
        timezone: 'UTC',
        companyId: '00000000-0000-4000-8000-000000000000',
      },
      admin: {
        firstName: 'S',
        lastName: 'C',
        email: unique('sneaky'),
        password: 'long-enough-password',
      },
    };
    // Cast on purpose: the test sends what a hostile client could send.
    const attempt = api
      .client()
      .api.auth.signUp(
        input as Parameters<ReturnType<typeof api.client>['api']['auth']['signUp']>[0],
      );
    const failure = await failureOf(attempt);
    expect(failure.message).toMatch(/company\.companyId: unknown field "companyId" is not allowed/);
    expect(Object.keys(failure.fieldErrors ?? {})).toEqual(['company.companyId']);
    expect(await ownerQuery('SELECT count(*) AS n FROM companies')).toEqual(before);
  });
});

describe('auth.login', () => {
  it('signs in with the right password and sets the cookie', async () => {
    const { user, password } = await api.signUpCompany();
    const client = api.client();
    const result = await client.api.auth.login({
      company: user.company.slug,
      email: user.email,
      password,
    });
    expect(result.user.id).toBe(user.id);
    expect(client.token).toBeTypeOf('string');
    expect((await client.api.auth.me()).user?.email).toBe(user.email);
  });

  it('gives the same answer for an unknown email and a wrong password', async () => {
    const { user } = await api.signUpCompany();
    const wrongPassword = await api
      .client()
      .api.auth.login({
        company: user.company.slug,
        email: user.email,
        password: 'not the password at all',
      })
      .catch((error: unknown) => error);
    const unknownEmail = await api
      .client()
      .api.auth.login({
        company: user.company.slug,
        email: unique('nobody'),
        password: 'not the password at all',
      })
      .catch((error: unknown) => error);
    expect(wrongPassword).toMatchObject({
      code: 'UNAUTHORIZED',
      message: 'Company, email or password is incorrect.',
    });
    expect(unknownEmail).toMatchObject({
      code: 'UNAUTHORIZED',
      message: 'Company, email or password is incorrect.',
    });
  });

  it('pauses an account at one address after repeated failures, even with the right password', async () => {
    const { user, password } = await api.signUpCompany();
    const account = { company: user.company.slug, email: user.email };
    for (let attempt = 0; attempt < 3; attempt += 1) {
      await expect(
        api.client().api.auth.login({ ...account, password: 'wrong password!!' }),
      ).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    }
    await expect(api.client().api.auth.login({ ...account, password })).rejects.toMatchObject({
      code: 'TOO_MANY_REQUESTS',
    });
  });

  it('limits attempts per client address', async () => {
    const limited = await createTestApi({
      loginLimits: { perAddress: 2, windowSeconds: 60 },
    });
    try {
      const client = limited.client('198.51.100.7');
      for (let attempt = 0; attempt < 2; attempt += 1) {
        await expect(
          client.api.auth.login({
            company: 'spray-co',
            email: unique('spray'),
            password: 'whatever-password',
          }),
        ).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
      }
      await expect(
        client.api.auth.login({
          company: 'spray-co',
          email: unique('spray'),
          password: 'whatever-password',
        }),
      ).rejects.toMatchObject({ code: 'TOO_MANY_REQUESTS' });
    } finally {
      await limited.close();
    }
  });
});

describe('sessions', () => {
  it('rejects a tampered, an expired, an alg-none and a foreign-key-signed token', async () => {
    const { client, user } = await api.signUpCompany();
    const good = client.token ?? '';
    const [header, payload, signature] = good.split('.');
    // A valid jti, so each refusal is for the reason named, not a missing claim.
    const claims = { sub: user.id, cid: user.company.id, ver: 0, iss: 'aegira', jti: randomUUID() };
    const tokens = {
      tampered: `${header}.${Buffer.from(JSON.stringify({ ...claims, ver: 1 })).toString('base64url')}.${signature}`,
      expired: jwt.sign({ ...claims, exp: Math.floor(Date.now() / 1000) - 10 }, TEST_JWT_SECRET, {
        algorithm: 'HS256',
      }),
      none: `${Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url')}.${payload}.`,
      otherKey: jwt.sign(claims, 'another-secret-another-secret-another-secret', {
        algorithm: 'HS256',
      }),
    };
    for (const [kind, token] of Object.entries(tokens)) {
      const intruder = api.client();
      intruder.token = token;
      expect((await intruder.api.auth.me()).user, kind).toBeNull();
      await expect(intruder.api.auth.logout(), kind).rejects.toMatchObject({
        code: 'UNAUTHORIZED',
      });
    }
    expect((await client.api.auth.me()).user?.id).toBe(user.id);
  });

  it('revokes every session of the person at logout, with an event', async () => {
    const { client, user, password } = await api.signUpCompany();
    const otherBrowser = api.client();
    await otherBrowser.api.auth.login({ company: user.company.slug, email: user.email, password });
    const stolenCopy = client.token;

    await client.api.auth.logout();
    expect(client.token).toBeNull();

    const replay = api.client();
    replay.token = stolenCopy;
    expect((await replay.api.auth.me()).user).toBeNull();
    await expect(otherBrowser.api.auth.logout()).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    const events = await ownerQuery<{ type: string }>(
      "SELECT type FROM events WHERE entity_id = $1 AND type = 'PERSON_SESSIONS_REVOKED'",
      [user.id],
    );
    expect(events).toHaveLength(1);
  });

  it('renews a token that is past its renewal age (sliding session)', async () => {
    const { client, user } = await api.signUpCompany();
    const twentyMinutesAgo = Math.floor(Date.now() / 1000) - 20 * 60;
    client.token = jwt.sign(
      { cid: user.company.id, ver: 0, iat: twentyMinutesAgo },
      TEST_JWT_SECRET,
      {
        algorithm: 'HS256',
        subject: user.id,
        issuer: 'aegira',
        expiresIn: 60 * 60,
        jwtid: randomUUID(),
      },
    );
    const before = client.token;
    await client.api.auth.me();
    expect(client.token).not.toBe(before);
    expect(client.token).toBeTypeOf('string');
    // A fresh token is not renewed on every request.
    const fresh = signSessionToken(TEST_JWT_SECRET, {
      personId: user.id,
      companyId: user.company.id,
      tokenVersion: 0,
    });
    client.token = fresh;
    await client.api.auth.me();
    expect(client.token).toBe(fresh);
  });
});
