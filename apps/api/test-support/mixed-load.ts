import type { SeededCompany } from '@aegira/db/seed';
import type autocannon from 'autocannon';
import { GOOD_CHECK_IN } from './fixtures.ts';
import { mutationHeaders, queryPath, sessionCookie, trpcData } from './load-driver.ts';

// The clients of the write-load cases (LD-2, LD-2b, LD-5): every autocannon connection is a
// person of a seeded company; each cycle of CYCLE requests it takes a role (a worker who
// submits then amends, a lead reading the roster, an admin editing people and teams). A 503
// that carries Retry-After is repeated up to 3 times, as the SDK does, and counted.

export type ClientKind = 'worker' | 'lead' | 'admin';
type Action = 'submit' | 'amend' | 'roster' | 'editPerson' | 'editTeam';
const CYCLE = 30;
const MAX_RETRIES = 3;

interface Pending {
  action: Action;
  method: 'GET' | 'POST';
  path: string;
  headers: Record<string, string>;
  body?: string;
  personId?: string;
  attempts: number;
}

interface Context {
  kind?: ClientKind;
  personId?: string;
  n?: number;
  last?: Pending;
  retry?: Pending;
}

export class MixedLoad {
  readonly acked: Record<Action, number> = {
    submit: 0,
    amend: 0,
    roster: 0,
    editPerson: 0,
    editTeam: 0,
  };
  /** Responses by action and status ("submit 200"). */
  readonly statuses: Record<string, number> = {};
  retries = 0;
  serverErrors = 0;
  readonly samples: string[] = [];
  /** Each acknowledged check-in: its id and the amendments acknowledged after it. */
  readonly checkIns = new Map<string, { id: string; amends: number }>();
  private readonly workers: string[];
  private counter = 0;

  constructor(
    private readonly baseUrl: string,
    private readonly company: SeededCompany,
    private readonly pickKind: (cycle: number) => ClientKind,
  ) {
    this.workers = [...company.workerIds];
  }

  /** Writes acknowledged (answered 200), by action. */
  get acknowledgedWrites(): number {
    return this.acked.submit + this.acked.amend + this.acked.editPerson + this.acked.editTeam;
  }

  /** autocannon's requests: one cycle of a connection's life, its context kept for the cycle. */
  requests(): autocannon.Request[] {
    const entry: autocannon.Request = {
      setupRequest: (request, context) => this.setup(request, context as Context),
      onResponse: (status, body, context, headers) =>
        this.record(status, body, context as Context, headers as Record<string, unknown>),
    };
    return Array.from({ length: CYCLE }, () => ({ ...entry }));
  }

  private setup(request: autocannon.Request, context: Context): autocannon.Request {
    const pending = context.retry ?? this.next(context);
    context.retry = undefined;
    context.last = pending;
    return {
      ...request,
      method: pending.method,
      path: pending.path,
      headers: pending.headers,
      ...(pending.body ? { body: pending.body } : {}),
    };
  }

  private next(context: Context): Pending {
    this.counter += 1;
    const n = context.n ?? 0;
    context.n = n + 1;
    if (!context.kind) {
      context.kind = this.pickKind(this.counter);
      if (context.kind === 'worker') context.personId = this.workers.pop();
    }
    // A worker whose submit was refused, or no worker left: read instead.
    if (
      context.kind === 'worker' &&
      (!context.personId || (n > 0 && !this.checkIns.has(context.personId)))
    ) {
      context.kind = 'lead';
    }
    const companyId = this.company.companyId;
    if (context.kind === 'worker' && context.personId) {
      const headers = mutationHeaders(this.baseUrl, sessionCookie(context.personId, companyId));
      const inputs = { ...GOOD_CHECK_IN, stressLevel: 3 + (n % 2) };
      return {
        action: n === 0 ? 'submit' : 'amend',
        method: 'POST',
        path: n === 0 ? '/trpc/checkIn.submit' : '/trpc/checkIn.amend',
        headers,
        body: JSON.stringify(inputs),
        personId: context.personId,
        attempts: 0,
      };
    }
    const team = this.company.teams[this.counter % this.company.teams.length];
    if (context.kind === 'lead' || !team) {
      const lead = team ?? this.company.teams[0];
      return {
        action: 'roster',
        method: 'GET',
        path: queryPath('teams.get', { id: lead?.id }),
        headers: { cookie: sessionCookie(lead?.leadId ?? '', companyId) },
        attempts: 0,
      };
    }
    const headers = mutationHeaders(this.baseUrl, sessionCookie(this.company.adminId, companyId));
    // Every edit asks for a new value, so every acknowledged edit is a state change.
    if (this.counter % 2 === 0) {
      const personId = team.memberIds[this.counter % team.memberIds.length] ?? team.leadId;
      return {
        action: 'editPerson',
        method: 'POST',
        path: '/trpc/people.update',
        headers,
        body: JSON.stringify({
          personId,
          phone: `+49 30 ${String(this.counter).padStart(7, '0')}`,
        }),
        attempts: 0,
      };
    }
    return {
      action: 'editTeam',
      method: 'POST',
      path: '/trpc/teams.update',
      headers,
      body: JSON.stringify({ id: team.id, description: `Load edit ${this.counter}` }),
      attempts: 0,
    };
  }

  private record(status: number, body: string, context: Context, headers: Record<string, unknown>) {
    const last = context.last;
    if (!last) return;
    const key = `${last.action} ${status}`;
    this.statuses[key] = (this.statuses[key] ?? 0) + 1;
    const retryAfter = Object.entries(headers).some(
      ([name]) => name.toLowerCase() === 'retry-after',
    );
    if (status === 503 && retryAfter && last.attempts < MAX_RETRIES) {
      this.retries += 1;
      context.retry = { ...last, attempts: last.attempts + 1 };
      return;
    }
    if (status >= 500) {
      this.serverErrors += 1;
      if (this.samples.length < 10) this.samples.push(`${key}: ${body.slice(0, 300)}`);
      return;
    }
    if (status !== 200) {
      if (this.samples.length < 10) this.samples.push(`${key}: ${body.slice(0, 300)}`);
      return;
    }
    this.acked[last.action] += 1;
    if (last.action === 'submit' && last.personId) {
      const id = trpcData(body)?.id;
      if (typeof id === 'string') this.checkIns.set(last.personId, { id, amends: 0 });
    }
    if (last.action === 'amend' && last.personId) {
      const checkIn = this.checkIns.get(last.personId);
      if (checkIn) checkIn.amends += 1;
    }
  }
}
