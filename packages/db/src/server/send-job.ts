import PgBoss from 'pg-boss';
import { type Db, prismaOf } from '../client.ts';
import { JOB_QUEUE_SCHEMA, type JobQueueName } from './job-queue.ts';

// Sending a job from a request: any instance may, whether or not it runs workers (AEGIRA_JOBS),
// so the sender is pg-boss's own insert over the request's pooled Prisma connection (pg-boss's
// documented "bring your own database" executor), with no pool, timers or start() of its own.

const senders = new WeakMap<Db, PgBoss>();

function senderFor(db: Db): PgBoss {
  let boss = senders.get(db);
  if (!boss) {
    const prisma = prismaOf(db);
    boss = new PgBoss({
      schema: JOB_QUEUE_SCHEMA,
      db: {
        executeSql: async (text: string, values: unknown[] = []) => ({
          // Prisma refuses undefined parameters; pg-boss leaves its unset options undefined.
          rows: await prisma.$queryRawUnsafe<unknown[]>(
            text,
            ...values.map((value) => (value === undefined ? null : value)),
          ),
        }),
      },
    });
    senders.set(db, boss);
  }
  return boss;
}

/** Queues one job on an installed queue; returns pg-boss's job id. */
export async function sendJob(
  db: Db,
  queue: JobQueueName,
  data: Record<string, unknown>,
  options: Pick<PgBoss.SendOptions, 'id' | 'retryLimit'> = {},
): Promise<string> {
  const id = await senderFor(db).send(queue, data, options);
  if (!id) throw new Error(`The job queue did not accept a job for ${queue}`);
  return id;
}
