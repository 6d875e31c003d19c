// `pnpm audit:verify <bundle> [--public-key <key or file>]` and
// `pnpm audit:verify --proof <proof.json> --public-key <key or file>`: checks an audit bundle
// or an inclusion proof with no database (docs/decisions/016, 017). Exit code 0 when intact.
import { createReadStream, existsSync, readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import {
  BundleVerifier,
  type InclusionProof,
  verifyInclusionProof,
} from '../src/audit-chain/index.ts';
import { parseArgs, runCli, UsageError, userPath } from './cli-args.ts';

const USAGE =
  'Usage: pnpm audit:verify <bundle.ndjson> [--public-key <base64url or file>]\n' +
  '       pnpm audit:verify --proof <proof.json> --public-key <base64url or file>';

function readKey(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const file = userPath(value);
  return existsSync(file) ? readFileSync(file, 'utf8').trim() : value.trim();
}

runCli(async () => {
  const { options, positional } = parseArgs(process.argv.slice(2), []);
  const say = (line: string) => process.stdout.write(`${line}\n`);
  const publicKey = readKey(options.get('public-key'));
  const proofFile = options.get('proof');
  if (proofFile) {
    if (!publicKey) throw new UsageError(USAGE);
    const proof = JSON.parse(readFileSync(userPath(proofFile), 'utf8')) as InclusionProof;
    const report = verifyInclusionProof(proof, publicKey);
    say(
      report.valid
        ? `Proven: event ${proof.event.id} is seq ${proof.event.seq} of the chain signed at checkpoint ${proof.checkpoint.sequence} (${proof.checkpoint.signedAt}).`
        : `NOT proven: ${report.reason}`,
    );
    return report.valid ? 0 : 1;
  }
  const bundle = positional[0];
  if (!bundle) throw new UsageError(USAGE);
  const verifier = new BundleVerifier({ trustedPublicKey: publicKey });
  const started = performance.now();
  const lines = createInterface({ input: createReadStream(userPath(bundle)), crlfDelay: Infinity });
  for await (const line of lines) verifier.pushLine(line);
  const report = verifier.finish();
  const seconds = (performance.now() - started) / 1000;
  const rate = Math.round(report.events / Math.max(seconds, 0.001));
  say(
    `Company ${report.companyId ?? '?'}: ${report.events} events, ${report.checkpoints} checkpoints, ${report.redactedPayloads} payloads redacted.`,
  );
  if (report.keySource !== 'trusted') {
    say(
      report.keySource === 'bundle'
        ? 'Warning: signatures were checked against the key inside the bundle; pass --public-key with your own copy.'
        : 'Warning: no public key; no checkpoint could be verified.',
    );
  }
  if (report.intact) {
    say(
      report.intactUpToCheckpoint === null
        ? `Links intact through seq ${report.verifiedThrough}, but no signed checkpoint covers them.`
        : `Intact up to checkpoint ${report.intactUpToCheckpoint}; links intact through seq ${report.verifiedThrough} (head ${report.headHash}).`,
    );
  } else {
    say(`BROKEN at seq ${report.firstBrokenSeq}: ${report.reason}`);
    if (report.intactUpToCheckpoint !== null)
      say(`Intact up to checkpoint ${report.intactUpToCheckpoint}.`);
  }
  say(`Verified in ${seconds.toFixed(2)} s (${rate} events/s).`);
  return report.intact ? 0 : 1;
});
