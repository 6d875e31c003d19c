import path from 'node:path';
import { invocationDir } from '@aegira/config';
import pg from 'pg';

/** `--name value` and bare `--flag` options, and the rest as positional arguments. */
export function parseArgs(argv: readonly string[], flags: readonly string[]) {
  const options = new Map<string, string>();
  const switches = new Set<string>();
  const positional: string[] = [];
  for (let index = 0; index < argv.length; index += 1) {
    const arg = argv[index] ?? '';
    if (!arg.startsWith('--')) {
      positional.push(arg);
      continue;
    }
    const name = arg.slice(2);
    if (flags.includes(name)) {
      switches.add(name);
      continue;
    }
    const value = argv[index + 1];
    if (value === undefined || value.startsWith('--'))
      throw new UsageError(`--${name} needs a value`);
    options.set(name, value);
    index += 1;
  }
  return { options, switches, positional };
}

export class UsageError extends Error {}

/** A path as the user typed it, from the folder they typed it in. */
export function userPath(file: string): string {
  return path.resolve(invocationDir(), file);
}

/** The id of the company with this slug (the owner reads past row-level security). */
export async function companyIdBySlug(ownerUrl: string, slug: string): Promise<string> {
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    const rows = await client.query<{ id: string }>('SELECT id FROM companies WHERE slug = $1', [
      slug,
    ]);
    const id = rows.rows[0]?.id;
    if (!id) throw new UsageError(`No company has the slug "${slug}"`);
    return id;
  } finally {
    await client.end();
  }
}

/** Runs a command-line main: usage errors and failures print one line and exit non-zero. */
export function runCli(main: () => Promise<number>): void {
  main()
    .then((code) => {
      process.exitCode = code;
    })
    .catch((error: unknown) => {
      process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = error instanceof UsageError ? 2 : 1;
    });
}
