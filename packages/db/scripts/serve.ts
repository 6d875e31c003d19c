// `pnpm db:serve`: the database alone, for several API instances (docs/deployment.md).
// Starts the embedded PostgreSQL (or uses DATABASE_URL), migrates it, installs the job
// queue's schema, prints the URL the instances take as DATABASE_URL and keeps the server up
// until Ctrl+C, so stopping or killing an instance never takes the database with it.
import { env } from '@aegira/config';
import { ensureDatabase } from '../src/server/database.ts';
import { redactUrl } from '../src/server/pg-util.ts';

const say = (line: string) => process.stdout.write(`${line}\n`);

try {
  const database = await ensureDatabase({ log: (line) => say(`  ${line}`) });
  // The embedded server's owner password is not a secret (it listens on 127.0.0.1 only);
  // a URL the user gave us is theirs to know, so it is not echoed back.
  const url = env().DATABASE_URL ? redactUrl(database.ownerUrl) : database.ownerUrl;
  say('');
  say('Database ready. Start each API instance with it, on its own port:');
  say('');
  say(`  DATABASE_URL='${url}' PORT=3001 pnpm --filter @aegira/api start`);
  say(`  DATABASE_URL='${url}' PORT=3002 pnpm --filter @aegira/api start`);
  say('');
  say('Press Ctrl+C to stop the database.');
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    say(`\n${signal} received, stopping the database…`);
    await database.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
  // Nothing else keeps the event loop busy (the server is a separate process).
  setInterval(() => undefined, 1 << 30);
} catch (error) {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
}
