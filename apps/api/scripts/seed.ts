import { env } from '@aegira/config';
import { createDb } from '@aegira/db';
import { ensureDatabase } from '@aegira/db/server';
import { LoginLimiter } from '../src/auth/login-limiter.ts';
import { formatDemoLogins } from '../src/bootstrap/demo-logins.ts';
import { createLogger } from '../src/http/logger.ts';
import { isDemoSeeded, seedDemoCompany } from '../src/seed/demo-company.ts';

/** `pnpm db:seed`: creates the demo company once (it is idempotent) and prints the logins. */
async function main(): Promise<void> {
  const say = (line: string) => process.stdout.write(`${line}\n`);
  const database = await ensureDatabase({ log: (line) => say(`  ${line}`) });
  const db = createDb(database.appUrl);
  try {
    const deps = {
      db,
      // The seed signs nobody in; the secret only satisfies the shared deps shape.
      jwtSecret: env().JWT_SECRET ?? 'seed-does-not-issue-sessions',
      secureCookies: false,
      loginLimiter: new LoginLimiter(),
      logger: createLogger('warn'),
    };
    if (await isDemoSeeded(db)) {
      say('Demo company already present; nothing to do.');
    } else {
      say('Seeding the demo company…');
      await seedDemoCompany(deps, say);
      say('Done.');
    }
    say(formatDemoLogins());
  } finally {
    await db.$disconnect();
    await database.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(
    `Seeding failed: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
