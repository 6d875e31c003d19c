import { Prisma } from './generated/prisma/client.ts';
import type { CommandTx } from './transaction-connections.ts';
import { writeSqlOf } from './transaction-connections.ts';

/**
 * A credential a command sets. Credentials are operational rows outside the
 * event log (product.md rule 3): events only say that one was set or changed.
 */
export type CredentialWrite =
  | { kind: 'password'; personId: string; passwordHash: string }
  | { kind: 'api_token'; tokenId: string; tokenHash: string };

export async function writeCredentials(
  tx: CommandTx,
  companyId: string,
  credentials: readonly CredentialWrite[],
): Promise<void> {
  for (const credential of credentials) {
    if (credential.kind === 'password') {
      await writeSqlOf(tx).run(Prisma.sql`
        INSERT INTO person_credentials (person_id, company_id, password_hash, updated_at)
        VALUES (${credential.personId}::uuid, ${companyId}::uuid, ${credential.passwordHash}, now())
        ON CONFLICT (person_id) DO UPDATE
          SET password_hash = EXCLUDED.password_hash, updated_at = EXCLUDED.updated_at`);
    } else {
      await writeSqlOf(tx).run(Prisma.sql`
        INSERT INTO api_token_secrets (token_id, company_id, token_hash)
        VALUES (${credential.tokenId}::uuid, ${companyId}::uuid, ${credential.tokenHash})`);
    }
  }
}
