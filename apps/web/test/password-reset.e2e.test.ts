import { describe, expect, it } from 'vitest';
import { leadWithWorkers, PERSON_PASSWORD } from './check-in-fixtures.ts';
import { companyOfAccount, logInAs, useServerAndBrowser } from './e2e-setup.ts';

const setup = useServerAndBrowser();

describe('password reset in the browser', () => {
  it('an admin resets a forgotten password; the person must choose a new one at login before anything else', async () => {
    const { page, server, browser } = setup();
    const { adminEmail, workers } = await leadWithWorkers(server, ['Rosa']);
    const [rosa] = workers;
    if (!rosa) throw new Error('the fixture made one worker');

    // The admin finds Rosa and resets her password.
    await logInAs(page, server.url, adminEmail, PERSON_PASSWORD);
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'People' })
      .click();
    await page.getByLabel('Search').fill('rosa');
    await page
      .getByRole('table', { name: 'People' })
      .getByRole('link', { name: 'Rosa Tester' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Rosa Tester' }).waitFor();
    await page.getByRole('button', { name: 'Reset password' }).click();
    const confirm = page.getByRole('dialog', { name: 'Reset Rosa Tester’s password?' });
    await confirm.getByRole('button', { name: 'Reset password' }).click();
    const shown = page.getByRole('dialog', { name: 'One-time password for Rosa Tester' });
    const oneTimePassword = (await shown.getByTestId('one-time-password').textContent())?.trim();
    expect(oneTimePassword).toMatch(/^[A-Za-z2-9]{4}(-[A-Za-z2-9]{4}){3}$/);
    await shown.getByRole('button', { name: 'Done' }).click();
    await page.getByRole('button', { name: 'Log out' }).click();
    await page.getByRole('button', { name: 'Log in' }).waitFor();

    // Rosa signs in with it and gets the change-password screen, not the app.
    await page.context().clearCookies();
    await page.goto(new URL('/login', server.url).toString());
    await page.getByLabel('Company').fill(await companyOfAccount(server.url, rosa.email));
    await page.getByLabel('Email').fill(rosa.email);
    await page.getByLabel('Password').fill(oneTimePassword ?? '');
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.getByRole('heading', { level: 1, name: 'Choose a new password' }).waitFor();
    expect(await page.getByRole('navigation', { name: 'Main' }).count()).toBe(0);
    // Another address shows the same screen: nothing else opens first.
    await page.goto(new URL('/history', server.url).toString());
    await page.getByRole('heading', { level: 1, name: 'Choose a new password' }).waitFor();

    // A mismatch is caught before anything is sent; then she saves her own.
    await page.getByLabel('Password you were given').fill(oneTimePassword ?? '');
    await page.getByLabel('New password', { exact: true }).fill('rosa picked this one');
    await page.getByLabel('Repeat the new password').fill('rosa picked another');
    await page.getByRole('button', { name: 'Save and continue' }).click();
    await page.getByText('Type the same new password again.').waitFor();
    await page.getByLabel('Repeat the new password').fill('rosa picked this one');
    await page.getByRole('button', { name: 'Save and continue' }).click();

    // The app opens, and her profile is reachable from the header.
    await page.getByRole('navigation', { name: 'Main' }).waitFor();
    await page.getByRole('link', { name: /Your profile/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Your profile' }).waitFor();
    await page.getByRole('region', { name: 'Password' }).waitFor();
    // The old password no longer works; her own does.
    await logInAs(page, server.url, rosa.email, 'rosa picked this one');
    expect(browser.pageErrors.filter((error) => !/40[13]/.test(error))).toEqual([]);
  }, 60_000);
});
