// `pnpm audit:prove --company <slug> --event <id> [--checkpoint <seq>] [--out <path>]`: writes
// a Merkle inclusion proof of one event against a signed checkpoint (decision 017), which
// `pnpm audit:verify --proof` checks offline.
import { writeFileSync } from 'node:fs';
import { proveInclusion } from '../src/audit-chain/index.ts';
import { createDb } from '../src/client.ts';
import { ensureDatabase } from '../src/server/database.ts';
import { companyIdBySlug, parseArgs, runCli, UsageError, userPath } from './cli-args.ts';

runCli(async () => {
  const { options, switches } = parseArgs(process.argv.slice(2), ['include-sensitive']);
  const slug = options.get('company');
  const eventId = options.get('event');
  if (!slug || !eventId) {
    throw new UsageError(
      'Usage: pnpm audit:prove --company <slug> --event <id> [--checkpoint <seq>] [--out <path>]',
    );
  }
  const checkpoint = options.get('checkpoint');
  const database = await ensureDatabase({ log: () => undefined });
  const db = createDb(database.appUrl);
  try {
    const companyId = await companyIdBySlug(database.ownerUrl, slug);
    const proof = await proveInclusion(db, companyId, {
      eventId,
      sensitive: switches.has('include-sensitive') ? 'shown' : 'digested',
      ...(checkpoint ? { checkpointSequence: Number(checkpoint) } : {}),
    });
    if (!proof) {
      process.stderr.write('That event is not sealed under a signed checkpoint yet.\n');
      return 1;
    }
    const out = userPath(options.get('out') ?? `proof-${eventId}.json`);
    writeFileSync(out, `${JSON.stringify(proof, null, 2)}\n`);
    process.stderr.write(`Wrote ${out}: seq ${proof.event.seq} in a tree of ${proof.treeSize}.\n`);
    return 0;
  } finally {
    await db.$disconnect();
    await database.stop();
  }
});
