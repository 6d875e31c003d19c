import { randomUUID } from 'node:crypto';
import type { Db, DecidedEvent } from '@aegira/db';
import { event } from '@aegira/db';
import { appendInBatches } from './seed.ts';

const INPUTS = {
  hoursSlept: 7.5,
  sleepQuality: 8,
  stressLevel: 3,
  physicalCondition: 8,
  painLevel: 0,
  painLocation: null,
  notes: null,
};

function scoresFor(stress: number) {
  const stressScore = Math.round(((10 - stress) / 9) * 1000) / 10;
  return {
    formulaVersion: 1,
    hoursScore: 100,
    sleepScore: 88.9,
    stressScore,
    physicalScore: 77.8,
    painScore: 100,
    readinessScore: 86,
    level: 'GREEN' as const,
  };
}

export function dateBefore(today: string, days: number): string {
  const date = new Date(`${today}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() - days);
  return date.toISOString().slice(0, 10);
}

/**
 * `days` of history for every worker (about 95 % of expected days checked in,
 * weekends off), written as CHECK_IN_SUBMITTED events through the write path.
 * Returns how many events it appended.
 */
export async function seedHistory(
  db: Db,
  actor: { companyId: string; actorId: string },
  teamIdOf: (index: number) => string,
  workerIds: readonly string[],
  today: string,
  days: number,
  onProgress: (done: number) => void,
): Promise<number> {
  let appended = 0;
  for (let back = days; back >= 1; back -= 1) {
    const localDate = dateBefore(today, back);
    const weekday = new Date(`${localDate}T00:00:00Z`).getUTCDay();
    if (weekday === 0 || weekday === 6) continue;
    const events: DecidedEvent[] = [];
    workerIds.forEach((personId, index) => {
      if ((index + back) % 20 === 0) return; // a missed day now and then
      const stress = 1 + ((index + back) % 9);
      events.push(
        event('CHECK_IN_SUBMITTED', {
          id: randomUUID(),
          personId,
          teamId: teamIdOf(index),
          localDate,
          inputs: { ...INPUTS, stressLevel: stress },
          scores: scoresFor(stress),
          isLate: false,
          minutesLate: 0,
          submittedAt: `${localDate}T07:30:00.000Z`,
        }),
      );
    });
    await appendInBatches(db, actor, events);
    appended += events.length;
    onProgress(appended);
  }
  return appended;
}
