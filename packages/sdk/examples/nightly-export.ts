/**
 * Nightly export: yesterday's check-ins (in the company's timezone) as CSV.
 *
 *   AEGIRA_URL=http://localhost:3000 AEGIRA_TOKEN=aegira_… \
 *     pnpm --filter @aegira/sdk exec tsx examples/nightly-export.ts yesterday.csv
 *
 * Without a file argument the CSV goes to stdout. A READ_ONLY token is enough.
 */
import { writeFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { addDays, toLocalTime } from '@aegira/domain';
import {
  AegiraError,
  type CsvValue,
  createAegiraClient,
  type RouterInputs,
  type RouterOutputs,
  toCsv,
} from '@aegira/sdk';

const HEADER = [
  'date',
  'person',
  'email',
  'team_id',
  'readiness_score',
  'level',
  'is_late',
  'minutes_late',
  'hours_slept',
  'sleep_quality',
  'stress_level',
  'physical_condition',
  'pain_level',
  'pain_location',
  'submitted_at',
];

/** The most the server returns in one page. */
const PAGE_SIZE = 500;

type ForDatePage = RouterOutputs['checkIn']['forDate'];

/** Only the calls the export makes, so a test can hand in a stub; an AegiraClient fits. */
export interface CheckInExportClient {
  company: { get: { query(): Promise<Pick<RouterOutputs['company']['get'], 'timezone'>> } };
  checkIn: {
    forDate: { query(input: RouterInputs['checkIn']['forDate']): Promise<ForDatePage> };
  };
}

export interface ExportOptions {
  /** The local date to export (YYYY-MM-DD); default: yesterday in the company's timezone. */
  date?: string;
  /** The clock "yesterday" is read from. */
  now?: Date;
}

/** One day's check-ins as CSV text, header first; every page of the day is read. */
export async function exportCheckInsCsv(
  client: CheckInExportClient,
  options: ExportOptions = {},
): Promise<string> {
  const date = options.date ?? (await yesterday(client, options.now ?? new Date()));
  const rows: CsvValue[][] = [HEADER];
  let cursor: string | undefined;
  do {
    const page = await client.checkIn.forDate.query({ date, cursor, limit: PAGE_SIZE });
    rows.push(...page.items.map(toRow));
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return toCsv(rows);
}

/** Yesterday on the company's wall clock, which is not UTC's yesterday for much of the day. */
async function yesterday(client: CheckInExportClient, now: Date): Promise<string> {
  const { timezone } = await client.company.get.query();
  return addDays(toLocalTime(now, timezone).date, -1);
}

function toRow(item: ForDatePage['items'][number]): CsvValue[] {
  return [
    item.localDate,
    item.person.name,
    item.person.email,
    item.teamId,
    item.scores.readinessScore,
    item.scores.level,
    item.isLate,
    item.minutesLate,
    item.inputs?.hoursSlept ?? null,
    item.inputs?.sleepQuality ?? null,
    item.inputs?.stressLevel ?? null,
    item.inputs?.physicalCondition ?? null,
    item.inputs?.painLevel ?? null,
    item.inputs?.painLocation ?? null,
    item.submittedAt,
  ];
}

async function main(): Promise<void> {
  // An example script reads its own settings; inside the app, packages/config
  // is the only reader of process.env.
  const baseUrl = process.env.AEGIRA_URL;
  const token = process.env.AEGIRA_TOKEN;
  if (!baseUrl || !token) {
    throw new Error(
      'set AEGIRA_URL (e.g. http://localhost:3000) and AEGIRA_TOKEN (an API token, aegira_…)',
    );
  }
  const csv = await exportCheckInsCsv(createAegiraClient({ baseUrl, token }));
  const outFile = process.argv[2];
  if (outFile) {
    // The whole CSV is built first, so a failed run never leaves half a file.
    await writeFile(outFile, csv, 'utf8');
    console.error(`nightly-export: wrote ${outFile}`);
  } else {
    process.stdout.write(csv);
  }
}

function describe(error: unknown): string {
  if (error instanceof AegiraError) {
    const status = error.httpStatus ? ` (HTTP ${error.httpStatus})` : '';
    const request = error.requestId ? ` [request id ${error.requestId}]` : '';
    return `${error.code}${status}: ${error.message}${request}`;
  }
  return error instanceof Error ? error.message : String(error);
}

// Run only as a script, not when a test imports exportCheckInsCsv.
const script = process.argv[1];
if (script && import.meta.url === pathToFileURL(script).href) {
  main().catch((error: unknown) => {
    console.error(`nightly-export failed: ${describe(error)}`);
    process.exitCode = 1;
  });
}
