import pg from 'pg';

/**
 * The sign-in name (slug) of the company whose person has `email`, read as the owner (the
 * embedded server's, which row-level security does not bind). For tests whose accounts have
 * emails unique in their database and that only know the email; every login names its company.
 */
export async function companyOfAccount(ownerUrl: string, email: string): Promise<string> {
  const owner = new pg.Client({ connectionString: ownerUrl });
  owner.on('error', () => undefined);
  await owner.connect();
  try {
    const rows = await owner.query<{ slug: string }>(
      'SELECT c.slug FROM persons p JOIN companies c ON c.id = p.company_id WHERE p.email = lower($1)',
      [email],
    );
    const slug = rows.rows[0]?.slug;
    if (!slug || rows.rows.length > 1) throw new Error(`no single company has ${email}`);
    return slug;
  } finally {
    await owner.end();
  }
}
