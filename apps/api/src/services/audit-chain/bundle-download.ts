import { auditChain, type Db, withTenant } from '@aegira/db';
import type { Actor } from '../actor.ts';
import { requireAuditSigningKey } from './signing-key.ts';

// The audit bundle an admin downloads (issue 15): the same bundle as `pnpm audit:export`,
// redacted as its default does. Secret fields are always replaced by their digest, and so are
// sensitive ones: the file leaves the product for an auditor, who is not entitled to health
// and incident content; the chain still verifies through the payload digests.

export interface BundleDownload {
  fileName: string;
  /** Writes every line of the bundle through `write`; resolves with the event count. */
  write(write: (line: auditChain.BundleLine) => Promise<void> | void): Promise<number>;
}

export async function prepareBundleDownload(
  db: Db,
  actor: Actor,
  now: Date,
): Promise<BundleDownload> {
  const key = requireAuditSigningKey();
  const companyId = actor.companyId;
  const company = await withTenant(db, companyId, (read) =>
    read.company.findUnique({ where: { id: companyId }, select: { slug: true } }),
  );
  const slug = company?.slug ?? companyId;
  return {
    fileName: `audit-${slug}-${now.toISOString().slice(0, 10)}.ndjson`,
    write: async (write) => {
      // What committed a moment ago belongs in the file too.
      await auditChain.sealCompanyLog(db, companyId);
      const { events } = await auditChain.exportCompanyBundle(
        db,
        companyId,
        {
          companySlug: slug,
          sensitive: 'digested',
          publicKey: key.publicKey,
          keyId: key.keyId,
          now,
        },
        write,
      );
      return events;
    },
  };
}
