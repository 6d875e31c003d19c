import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditChain } from '../../../packages/db/src/index.ts';
import { auditSigningKey } from '../../api/src/services/audit-chain/signing-key.ts';
import { TestClient } from '../../api/test-support/api-harness.ts';
import { ownerEditEvents, startVerifyWorker } from '../../api/test-support/audit-chain-support.ts';
import { logInAs, useServerAndBrowser } from './e2e-setup.ts';

const PASSWORD = 'correct horse battery staple';
const setup = useServerAndBrowser();

// The test server runs no jobs: this file runs the verify-audit-log worker beside it.
let stopWorker: (() => Promise<void>) | undefined;
beforeAll(async () => {
  const { server } = setup();
  stopWorker = await startVerifyWorker(server.appUrl, server.deps);
});
afterAll(async () => {
  await stopWorker?.();
});

async function signUpCompany(client: TestClient) {
  const unique = randomUUID().slice(0, 8);
  const email = `ada.${unique}@e2e.aegira.test`;
  const { user } = await client.api.auth.signUp({
    company: { name: `Ledger Works ${unique}`, timezone: 'Europe/Berlin' },
    admin: { firstName: 'Ada', lastName: 'Admin', email, password: PASSWORD },
  });
  return { email, companyId: user.company.id };
}

describe('Admin → Audit integrity in the browser', () => {
  it('signs a checkpoint, verifies the live log to "intact", downloads a bundle that verifies, then finds a tampered event', async () => {
    const { page, server } = setup();
    const admin = await signUpCompany(new TestClient(server.deps));
    await logInAs(page, server.url, admin.email, PASSWORD);
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Audit integrity' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Audit integrity' }).waitFor();
    await page.getByText('No checkpoint yet').waitFor();
    await page.getByText('The live log has not been verified yet.').waitFor();

    await page.getByRole('button', { name: 'Sign checkpoint now' }).click();
    const signed = page.getByRole('status').filter({ hasText: /Checkpoint \d+ signed\./ });
    await signed.waitFor();
    const sequence = Number((await signed.textContent())?.match(/Checkpoint (\d+)/)?.[1]);
    expect(sequence).toBeGreaterThan(0);
    await page.getByText('Key fingerprint').waitFor();
    expect(await page.getByText(auditSigningKey().keyId, { exact: true }).count()).toBe(1);

    await page.getByRole('button', { name: 'Verify live log' }).click();
    await page.getByText(`Intact up to checkpoint ${sequence}:`).waitFor({ timeout: 20_000 });

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Download bundle' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^audit-.+\.ndjson$/);
    const path = await download.path();
    const report = auditChain.verifyBundleText(await readFile(path, 'utf8'), {
      trustedPublicKey: auditSigningKey().publicKey,
    });
    expect(report).toMatchObject({
      intact: true,
      companyId: admin.companyId,
      intactUpToCheckpoint: sequence,
    });

    // Someone with owner access rewrites the first event (the company's creation) in place.
    await ownerEditEvents(
      server.ownerUrl,
      `UPDATE events SET payload = jsonb_set(payload, '{name}', '"Forged Ltd"')
       WHERE id = (SELECT event_id FROM event_seals WHERE company_id = $1 AND seq = 1)`,
      [admin.companyId],
    );
    await page.getByRole('button', { name: 'Verify live log' }).click();
    await page
      .getByRole('alert')
      .getByText('Broken: the log does not verify from event 1 on.')
      .waitFor({ timeout: 20_000 });
  });
});
