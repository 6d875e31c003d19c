import { randomUUID } from 'node:crypto';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useServerAndBrowser } from './e2e-setup.ts';

const PASSWORD = 'correct horse battery staple';

const setup = useServerAndBrowser();

/** The database starts empty: the first admin signs their company up through the UI. */
async function signUpCompany(page: Page, url: string): Promise<{ companyName: string }> {
  const unique = randomUUID().slice(0, 8);
  const companyName = `Token Works ${unique}`;
  await page.goto(new URL('/sign-up', url).toString());
  await page.getByLabel('Company name').fill(companyName);
  await page.getByLabel('Timezone').selectOption('Europe/Berlin');
  await page.getByLabel('First name').fill('Ada');
  await page.getByLabel('Last name').fill('Admin');
  await page.getByLabel('Email').fill(`ada.${unique}@e2e.aegira.test`);
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await page.getByLabel('Confirm password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Create company' }).click();
  await page.getByRole('navigation', { name: 'Main' }).waitFor();
  return { companyName };
}

/** The success message of the last action (a polite live region). */
function notice(page: Page): Locator {
  return page.getByRole('status').filter({ hasText: /\S/ });
}

/** `company.get` as a script would call it: no cookie, only the bearer token. */
async function getCompanyWithToken(url: string, token: string) {
  const response = await fetch(new URL('/trpc/company.get', url), {
    headers: { authorization: `Bearer ${token}` },
  });
  const body: unknown = await response.json();
  return { status: response.status, body };
}

function localDate(offsetDays: number): string {
  const day = new Date();
  day.setDate(day.getDate() + offsetDays);
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${day.getFullYear()}-${pad(day.getMonth() + 1)}-${pad(day.getDate())}`;
}

describe('API tokens in the browser', () => {
  it('creates a read-only token shown once, which works until the admin revokes it', async () => {
    const { page, server, browser } = setup();
    const { companyName } = await signUpCompany(page, server.url);
    await browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], {
      origin: new URL(server.url).origin,
    });

    // Given the admin on the API tokens screen, which has none yet…
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'API tokens' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'API tokens' }).waitFor();
    await page.getByText('No API tokens yet').waitFor();

    // …an expiry in the past is refused by the server, beside the field.
    await page.getByRole('button', { name: 'Create token' }).click();
    const dialog = page.getByRole('dialog', { name: 'Create an API token' });
    await dialog.getByLabel('Name').fill('Nightly export');
    expect(await dialog.getByLabel('Scope').inputValue()).toBe('READ_ONLY');
    await dialog.getByText('Reads everything an admin can read; changes nothing.').waitFor();
    const expiry = dialog.getByLabel('Expires on (optional)');
    await expiry.fill(localDate(-1));
    await dialog.getByRole('button', { name: 'Create token' }).click();
    await dialog.getByText('Must be in the future.').waitFor();
    expect(await expiry.getAttribute('aria-invalid')).toBe('true');
    // The refused request is the only console error the browser may report.
    expect(browser.pageErrors).toEqual([expect.stringMatching(/400/)]);
    browser.pageErrors.length = 0;

    // When they create a read-only token without expiry…
    await expiry.fill('');
    await dialog.getByLabel('Scope').selectOption({ label: 'Read only' });
    await dialog.getByRole('button', { name: 'Create token' }).click();
    await dialog.waitFor({ state: 'detached' });

    // …the token is shown once, with the warning, and copies to the clipboard.
    const panel = page.getByRole('region', { name: 'Copy the token for Nightly export' });
    await panel
      .getByText('This token is shown only once. Store it now; AEGIRA keeps only a hash.')
      .waitFor();
    await panel.getByText('Authorization: Bearer <token>').waitFor();
    await notice(page).getByText('Nightly export is created.').waitFor();
    const token = await panel.getByLabel('Your new token').inputValue();
    expect(token).toMatch(/^aegira_[0-9a-f]{32}_[A-Za-z0-9_-]{43}$/);
    await panel.getByRole('button', { name: 'Copy' }).click();
    await panel.getByText('Copied to the clipboard.').waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(token);

    // The list shows it active, by its prefix only.
    const table = page.getByRole('table', { name: 'API tokens, newest first' });
    const row = table.getByRole('row').filter({ hasText: 'Nightly export' });
    await row.getByText('Active').waitFor();
    await row.getByText(`${token.slice(0, 15)}…`).waitFor();
    await row.getByText('Never').waitFor();
    await row.getByText('by Ada Admin').waitFor();

    // A script holding the token reads the company with it.
    const allowed = await getCompanyWithToken(server.url, token);
    expect(allowed.status).toBe(200);
    expect(allowed.body).toMatchObject({ result: { data: { name: companyName } } });

    // Once dismissed, the page no longer holds the token anywhere.
    await panel.getByRole('button', { name: 'I have stored it' }).click();
    await panel.waitFor({ state: 'detached' });
    expect(await page.content()).not.toContain(token);

    // When the admin revokes it, after confirming by name…
    await row.getByRole('button', { name: 'Revoke Nightly export' }).click();
    const confirm = page.getByRole('dialog', { name: 'Revoke Nightly export?' });
    await confirm.getByRole('button', { name: 'Revoke token' }).click();
    await confirm.waitFor({ state: 'detached' });
    await notice(page).getByText('Nightly export is revoked.').waitFor();

    // …it is listed as revoked, can no longer be revoked, and the script is refused.
    await row.getByText('Revoked').waitFor();
    expect(await row.getByRole('button', { name: 'Revoke Nightly export' }).count()).toBe(0);
    const refused = await getCompanyWithToken(server.url, token);
    expect(refused.status).toBe(401);
    expect(browser.pageErrors).toEqual([]);
  });
});
