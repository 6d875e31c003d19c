import type { LiveMessage } from '@aegira/db';
import { describe, expect, it } from 'vitest';
import { type LiveViewer, updateFor } from './delivery.ts';
import { LiveHub } from './live-hub.ts';

const companyA = '00000000-0000-4000-8000-00000000000a';
const companyB = '00000000-0000-4000-8000-00000000000b';
const lead = '00000000-0000-4000-8000-000000000001';
const supervisor = '00000000-0000-4000-8000-000000000002';
const worker = '00000000-0000-4000-8000-000000000003';
const otherLead = '00000000-0000-4000-8000-000000000004';
const team = '00000000-0000-4000-8000-000000000010';

const roster: LiveMessage = {
  kind: 'roster',
  companyId: companyA,
  teamId: team,
  personId: worker,
  eventType: 'CHECK_IN_SUBMITTED',
  leadId: lead,
  supervisorId: supervisor,
};
const viewer = (personId: string, role: LiveViewer['role'], companyId = companyA) => ({
  personId,
  companyId,
  role,
});

describe('who a live message is for', () => {
  it('gives a roster change to the team lead, the supervisor, admins and WHS of the company', () => {
    const expected = {
      kind: 'roster',
      teamId: team,
      personId: worker,
      eventType: 'CHECK_IN_SUBMITTED',
    };
    expect(updateFor(roster, viewer(lead, 'TEAM_LEAD'))).toEqual(expected);
    expect(updateFor(roster, viewer(supervisor, 'SUPERVISOR'))).toEqual(expected);
    expect(updateFor(roster, viewer(otherLead, 'ADMIN'))).toEqual(expected);
    expect(updateFor(roster, viewer(otherLead, 'WHS'))).toEqual(expected);
  });

  it('gives a roster change to nobody else: another lead, the worker, another supervisor', () => {
    expect(updateFor(roster, viewer(otherLead, 'TEAM_LEAD'))).toBeNull();
    expect(updateFor(roster, viewer(otherLead, 'SUPERVISOR'))).toBeNull();
    expect(updateFor(roster, viewer(worker, 'WORKER'))).toBeNull();
  });

  it('never crosses companies, whatever the role or ids', () => {
    expect(updateFor(roster, viewer(otherLead, 'ADMIN', companyB))).toBeNull();
    // Even a person id that matches (ids are unique, but the rule must not rely on it).
    expect(updateFor(roster, viewer(lead, 'TEAM_LEAD', companyB))).toBeNull();
    const note: LiveMessage = { kind: 'notification', companyId: companyA, recipientIds: [worker] };
    expect(updateFor(note, viewer(worker, 'WORKER', companyB))).toBeNull();
  });

  it('gives a notification message only to its recipients, without the recipient list', () => {
    const note: LiveMessage = {
      kind: 'notification',
      companyId: companyA,
      recipientIds: [worker, lead],
    };
    expect(updateFor(note, viewer(worker, 'WORKER'))).toEqual({ kind: 'notification' });
    expect(updateFor(note, viewer(otherLead, 'ADMIN'))).toBeNull();
  });
});

describe('the hub', () => {
  it('fans a message out to the streams it is for and counts open streams', async () => {
    const hub = new LiveHub();
    const signal = new AbortController().signal;
    const leadStream = hub.subscribe(viewer(lead, 'TEAM_LEAD'));
    const otherStream = hub.subscribe(viewer(otherLead, 'TEAM_LEAD'));
    const foreignAdmin = hub.subscribe(viewer(otherLead, 'ADMIN', companyB));
    expect(hub.size).toBe(3);
    hub.publish(roster);
    expect(await leadStream.take(signal, 10)).toMatchObject({ kind: 'roster', personId: worker });
    expect(await otherStream.take(signal, 10)).toBe('idle');
    expect(await foreignAdmin.take(signal, 10)).toBe('idle');
    leadStream.close();
    otherStream.close();
    foreignAdmin.close();
    expect(hub.size).toBe(0);
  });

  it('wakes a waiting stream at once, and ends it when the signal aborts', async () => {
    const hub = new LiveHub();
    const controller = new AbortController();
    const stream = hub.subscribe(viewer(lead, 'TEAM_LEAD'));
    const waiting = stream.take(controller.signal, 60_000);
    hub.publish(roster);
    expect(await waiting).toMatchObject({ kind: 'roster' });
    const ending = stream.take(controller.signal, 60_000);
    controller.abort();
    expect(await ending).toBe('closed');
    stream.close();
  });

  it('replaces a backlog of a stalled stream by one resync, and tells every stream after a reconnect', async () => {
    const hub = new LiveHub();
    const signal = new AbortController().signal;
    const stalled = hub.subscribe(viewer(lead, 'TEAM_LEAD'));
    for (let index = 0; index < 150; index++) hub.publish(roster);
    const drained = [];
    for (
      let taken = await stalled.take(signal, 1);
      taken !== 'idle';
      taken = await stalled.take(signal, 1)
    ) {
      drained.push(taken);
    }
    expect(drained.length).toBeLessThanOrEqual(100);
    expect(drained).toContainEqual({ kind: 'resync' });
    hub.resyncAll();
    expect(await stalled.take(signal, 1)).toEqual({ kind: 'resync' });
    stalled.close();
  });
});
