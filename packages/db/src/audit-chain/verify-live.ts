import type { Db } from '../client.ts';
import { withTenant } from '../tenant.ts';
import { exportCompanyBundle } from './export-bundle.ts';
import { sealCompanyLog } from './seal-log.ts';
import { BundleVerifier, type VerifyReport } from './verify-bundle.ts';

// The live check an admin starts in the product (issue 15): the same verifier an auditor runs
// on a bundle, fed the company's seals, events and checkpoints straight from the database, page
// by page (the exporter's own reads, so what is checked is exactly what a bundle would hold).

export interface LiveVerifyOptions {
  /** The key checkpoints must verify with: the product's current signing key. */
  trustedPublicKey: string;
  /** Called with the links checked so far, every `progressEvery` links and at the end. */
  onProgress?: (checked: number, total: number) => Promise<void> | void;
  progressEvery?: number;
  pageSize?: number;
}

export interface LiveVerifyReport extends VerifyReport {
  /** Links in the chain when the check began (its denominator for progress). */
  total: number;
}

/** The number of sealed links of the company's chain. */
export async function chainLength(db: Db, companyId: string): Promise<number> {
  const rows = await withTenant(
    db,
    companyId,
    (read) => read.$queryRaw<Array<{ seq: string | null }>>`
      SELECT max(seq)::text AS seq FROM event_seals WHERE company_id = ${companyId}::uuid`,
  );
  return Number(rows[0]?.seq ?? 0);
}

/** Seals what is pending, then verifies the whole chain and every checkpoint. */
export async function verifyCompanyLog(
  db: Db,
  companyId: string,
  options: LiveVerifyOptions,
): Promise<LiveVerifyReport> {
  await sealCompanyLog(db, companyId);
  const total = await chainLength(db, companyId);
  const every = options.progressEvery ?? 5_000;
  const verifier = new BundleVerifier({ trustedPublicKey: options.trustedPublicKey });
  let checked = 0;
  await options.onProgress?.(0, total);
  await exportCompanyBundle(
    db,
    companyId,
    {
      companySlug: '',
      // Digests stand in for marked fields: the chain commits to the payload's digest, which
      // the exporter computes from the payload as stored, so nothing escapes the check.
      sensitive: 'digested',
      publicKey: options.trustedPublicKey,
      keyId: null,
      now: new Date(),
      ...(options.pageSize ? { pageSize: options.pageSize } : {}),
    },
    async (line) => {
      verifier.pushValue(line);
      if (line.kind !== 'event') return;
      checked += 1;
      if (checked % every === 0) await options.onProgress?.(checked, total);
    },
  );
  await options.onProgress?.(checked, Math.max(total, checked));
  return { ...verifier.finish(), total: Math.max(total, checked) };
}
