import { describe, expect, it } from 'vitest';
import { auditEntityTypes } from '../timeline/event-wording.ts';
import type { AuditEntry } from '../timeline/timeline-types.ts';
import {
  auditCsvUrl,
  auditFilterError,
  auditListInput,
  entityName,
  hasAuditFilters,
  noAuditFilters,
} from './audit-filters.ts';

describe('auditListInput', () => {
  it('asks for everything when no filter is set', () => {
    expect(auditListInput(noAuditFilters, 'Europe/Berlin')).toEqual({ limit: 50 });
  });

  it("covers whole days on the company's clock, both ends included", () => {
    const input = auditListInput(
      {
        action: 'PERSON_DEACTIVATED',
        entityType: 'person',
        actorId: '',
        from: '2026-03-02',
        to: '2026-03-02',
      },
      'Europe/Berlin',
    );
    expect(input).toEqual({
      limit: 50,
      action: 'PERSON_DEACTIVATED',
      entityType: 'person',
      from: '2026-03-01T23:00:00.000Z',
      to: '2026-03-02T22:59:59.999Z',
    });
  });
});

describe('auditListInput: actor and API tokens', () => {
  it('asks for the entries of one actor, and for API-token entries', () => {
    const actorId = '0f8b8c1e-2d3a-4b5c-9d6e-7f8091a2b3c4';
    expect(
      auditListInput({ ...noAuditFilters, actorId, entityType: 'api_token' }, 'Europe/Berlin'),
    ).toEqual({ limit: 50, actorId, entityType: 'api_token' });
    expect(hasAuditFilters({ ...noAuditFilters, actorId })).toBe(true);
    expect(hasAuditFilters(noAuditFilters)).toBe(false);
  });

  it('offers API tokens among the entity filters', () => {
    expect(auditEntityTypes).toContain('api_token');
  });
});

describe('auditFilterError', () => {
  it('refuses an end before the start', () => {
    expect(auditFilterError({ ...noAuditFilters, from: '2026-03-02', to: '2026-03-01' })).toBe(
      'The end date is before the start date.',
    );
    expect(auditFilterError({ ...noAuditFilters, from: '2026-03-02' })).toBeNull();
  });
});

describe('entityName', () => {
  const entry: AuditEntry = {
    id: 'a1',
    action: 'PERSON_DEACTIVATED',
    entityType: 'person',
    entityId: '0f8b8c1e-2d3a-4b5c-9d6e-7f8091a2b3c4',
    eventId: 'e1',
    actor: null,
    details: { reason: 'Left', email: 'wendy@acme.test' },
    createdAt: '2026-03-02T08:00:00.000Z',
  };

  it('prefers a known name, then a name or email in the details, then a short id', () => {
    expect(entityName(entry, new Map([[entry.entityId, 'Wendy Worker']]))).toBe('Wendy Worker');
    expect(entityName(entry, new Map())).toBe('wendy@acme.test');
    expect(entityName({ ...entry, details: { name: 'Night shift' } }, new Map())).toBe(
      'Night shift',
    );
    expect(entityName({ ...entry, details: null }, new Map())).toBe('#0f8b8c1e');
  });
});

describe('auditCsvUrl', () => {
  it('exports everything without filters', () => {
    expect(auditCsvUrl(noAuditFilters, 'Europe/Berlin')).toBe('/api/audit-log.csv');
  });

  it('carries the list filters (whole company-local days), never the page size', () => {
    const url = auditCsvUrl(
      { ...noAuditFilters, action: 'TEAM_CREATED', from: '2026-03-02', to: '2026-03-02' },
      'Europe/Berlin',
    );
    const query = new URL(url, 'http://x').searchParams;
    expect(url.startsWith('/api/audit-log.csv?')).toBe(true);
    expect(Object.fromEntries(query)).toEqual({
      action: 'TEAM_CREATED',
      from: '2026-03-01T23:00:00.000Z',
      to: '2026-03-02T22:59:59.999Z',
    });
  });
});
