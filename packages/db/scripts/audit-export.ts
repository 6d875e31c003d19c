// `pnpm audit:export --company <slug> [--out <path>] [--include-sensitive] [--checkpoint]`: seals
// what is pending (and with --checkpoint signs the head first, as the system) and writes the company's audit bundle (events, seals, checkpoints, public key) as
// newline-delimited JSON (docs/decisions/017-signed-checkpoints.md). Secret fields are always
// replaced by digests; sensitive ones too unless --include-sensitive (the operator running
// this reads the database anyway; the recipient may not be entitled to health data).

import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { env } from '@aegira/config';
import {
  exportCompanyBundle,
  resolveAuditSigningKey,
  sealCompanyLog,
  signCompanyCheckpoint,
} from '../src/audit-chain/index.ts';
import { createDb } from '../src/client.ts';
import { ensureDatabase } from '../src/server/database.ts';
import { companyIdBySlug, parseArgs, runCli, UsageError, userPath } from './cli-args.ts';

runCli(async () => {
  const { options, switches } = parseArgs(process.argv.slice(2), [
    'include-sensitive',
    'checkpoint',
  ]);
  const slug = options.get('company');
  if (!slug)
    throw new UsageError(
      'Usage: pnpm audit:export --company <slug> [--out <path>] [--include-sensitive] [--checkpoint]',
    );
  const now = new Date();
  const out = userPath(
    options.get('out') ?? `audit-${slug}-${now.toISOString().slice(0, 10)}.ndjson`,
  );
  const say = (line: string) => process.stderr.write(`${line}\n`);
  const database = await ensureDatabase({ log: () => undefined });
  const db = createDb(database.appUrl);
  try {
    const companyId = await companyIdBySlug(database.ownerUrl, slug);
    const config = env();
    const key = resolveAuditSigningKey({
      pem: config.AEGIRA_AUDIT_KEY,
      file: config.AEGIRA_AUDIT_KEY_FILE,
      dataDir: config.AEGIRA_DATA_DIR,
      generate: config.NODE_ENV !== 'production',
    });
    const { sealed } = await sealCompanyLog(db, companyId);
    if (sealed > 0) say(`Sealed ${sealed} pending events.`);
    if (switches.has('checkpoint')) {
      const signed = await signCompanyCheckpoint(db, { companyId, actorId: null }, key, now);
      await sealCompanyLog(db, companyId);
      say(signed ? `Signed checkpoint ${signed.sequence}.` : 'The head is already signed.');
    }
    const file = createWriteStream(out);
    const started = performance.now();
    const result = await exportCompanyBundle(
      db,
      companyId,
      {
        companySlug: slug,
        sensitive: switches.has('include-sensitive') ? 'shown' : 'digested',
        publicKey: key.publicKey,
        keyId: key.keyId,
        now,
      },
      async (line) => {
        if (!file.write(`${JSON.stringify(line)}\n`)) await once(file, 'drain');
      },
    );
    file.end();
    await once(file, 'finish');
    const seconds = (performance.now() - started) / 1000;
    say(`Wrote ${result.events} events to ${out} in ${seconds.toFixed(1)} s.`);
    if (result.unsealed > 0)
      say(`${result.unsealed} events committed meanwhile are not in it yet.`);
    say(`Public key (give it to the auditor separately): ${key.publicKey}`);
    return 0;
  } finally {
    await db.$disconnect();
    await database.stop();
  }
});
