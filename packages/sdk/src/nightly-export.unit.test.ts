import { describe, expect, it } from 'vitest';
import { type CheckInExportClient, exportCheckInsCsv } from '../examples/nightly-export.ts';
import type { RouterInputs, RouterOutputs } from './index.ts';

type Item = RouterOutputs['checkIn']['forDate']['items'][number];

function item(id: string, person: Item['person'], overrides: Partial<Item> = {}): Item {
  return {
    id,
    personId: person.id,
    teamId: 'team-1',
    localDate: '2026-03-10',
    inputs: {
      hoursSlept: 7.5,
      sleepQuality: 8,
      stressLevel: 3,
      physicalCondition: 7,
      painLevel: 0,
      painLocation: null,
      notes: 'not exported',
    },
    scores: {
      formulaVersion: 1,
      hoursScore: 90,
      sleepScore: 80,
      stressScore: 70,
      physicalScore: 70,
      painScore: 100,
      readinessScore: 82,
      level: 'GREEN',
    },
    isLate: false,
    minutesLate: 0,
    submittedAt: '2026-03-09T23:15:00.000Z',
    amendedAt: null,
    version: 1,
    person,
    ...overrides,
  };
}

/** Serves the given pages in order and records what the export asked for. */
function stubClient(timezone: string, pages: Item[][]) {
  const asked: RouterInputs['checkIn']['forDate'][] = [];
  const client: CheckInExportClient = {
    company: { get: { query: async () => ({ timezone }) } },
    checkIn: {
      forDate: {
        query: async (input) => {
          asked.push(input);
          const index = asked.length - 1;
          return {
            items: pages[index] ?? [],
            nextCursor: index < pages.length - 1 ? `cursor-${index + 1}` : null,
          };
        },
      },
    },
  };
  return { client, asked };
}

describe('nightly export', () => {
  it('given an evening in UTC, when it is already the next morning in Tokyo, then it exports Tokyo’s yesterday', async () => {
    const { client, asked } = stubClient('Asia/Tokyo', [[]]);
    // 20:00 UTC on 10 March is 05:00 on 11 March in Tokyo.
    await exportCheckInsCsv(client, { now: new Date('2026-03-10T20:00:00Z') });
    expect(asked[0]?.date).toBe('2026-03-10');
    const utc = stubClient('UTC', [[]]);
    await exportCheckInsCsv(utc.client, { now: new Date('2026-03-10T20:00:00Z') });
    expect(utc.asked[0]?.date).toBe('2026-03-09');
  });

  it('reads every page with the cursor it was given', async () => {
    const ada = { id: 'p1', name: 'Ada Lovelace', email: 'ada@example.test' };
    const { client, asked } = stubClient('UTC', [[item('c1', ada)], [item('c2', ada)], []]);
    const csv = await exportCheckInsCsv(client, { date: '2026-03-10' });
    expect(asked.map((input) => input.cursor)).toEqual([undefined, 'cursor-1', 'cursor-2']);
    expect(asked.every((input) => input.date === '2026-03-10')).toBe(true);
    expect(csv.split('\r\n')).toHaveLength(4);
  });

  it('writes the header and one quoted, CRLF-ended row per check-in', async () => {
    const tricky = {
      id: 'p2',
      name: 'Zoë "Zed" O\'Hara, Jr.\nII',
      email: 'zoe@example.test',
    };
    const { client } = stubClient('UTC', [
      [
        item('c1', tricky, {
          isLate: true,
          minutesLate: 12,
          inputs: {
            hoursSlept: 6,
            sleepQuality: 5,
            stressLevel: 6,
            physicalCondition: 5,
            painLevel: 4,
            painLocation: 'lower_back',
            notes: null,
          },
        }),
      ],
    ]);
    const csv = await exportCheckInsCsv(client, { date: '2026-03-10' });
    expect(csv).toBe(
      'date,person,email,team_id,readiness_score,level,is_late,minutes_late,hours_slept,' +
        'sleep_quality,stress_level,physical_condition,pain_level,pain_location,submitted_at\r\n' +
        '2026-03-10,"Zoë ""Zed"" O\'Hara, Jr.\nII",zoe@example.test,team-1,82,GREEN,true,12,6,' +
        '5,6,5,4,lower_back,2026-03-09T23:15:00.000Z\r\n',
    );
  });

  it('writes only the header for a day without check-ins', async () => {
    const { client } = stubClient('UTC', [[]]);
    const csv = await exportCheckInsCsv(client, { date: '2026-03-10' });
    expect(csv).toBe(
      'date,person,email,team_id,readiness_score,level,is_late,minutes_late,hours_slept,' +
        'sleep_quality,stress_level,physical_condition,pain_level,pain_location,submitted_at\r\n',
    );
  });
});
