import { describe, expect, it } from 'vitest';
import { emptyReport, toReportInput, validateReport } from './report-values.ts';

const zone = 'Europe/Berlin';
const now = new Date('2026-11-27T08:00:00.000Z'); // 09:00 in Berlin
const filled = {
  ...emptyReport('2026-11-27', '08:30'),
  type: 'INJURY' as const,
  severity: 'HIGH' as const,
  title: '  Cut hand ',
  description: 'On the guard',
  peopleInvolvedIds: ['3b0d2f61-6a43-4c55-9a0e-5f3d51c1f6a2'],
};

describe('the incident report form', () => {
  it('given an empty form, then every required field says what it needs', () => {
    expect(validateReport(emptyReport('2026-11-27', '08:30'), zone, now)).toEqual({
      type: 'Choose what kind of incident it was.',
      severity: 'Choose how severe it was.',
      title: 'Say briefly what happened.',
      description: 'Describe what happened.',
    });
  });

  it('given a time later today on the company clock, then it is in the future', () => {
    expect(validateReport({ ...filled, time: '09:30' }, zone, now)).toEqual({
      occurredAt: 'It cannot be in the future.',
    });
  });

  it('given a filled form, then the input is trimmed and the time is the company’s', () => {
    expect(validateReport(filled, zone, now)).toEqual({});
    expect(toReportInput(filled, zone)).toEqual({
      type: 'INJURY',
      severity: 'HIGH',
      title: 'Cut hand',
      location: null,
      description: 'On the guard',
      occurredAt: '2026-11-27T07:30:00.000Z',
      peopleInvolvedIds: ['3b0d2f61-6a43-4c55-9a0e-5f3d51c1f6a2'],
    });
  });
});
