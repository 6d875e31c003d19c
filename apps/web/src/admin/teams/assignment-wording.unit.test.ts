import { describe, expect, it } from 'vitest';
import { assignmentPreview, assignmentResult } from './assignment-wording.ts';

describe('assignmentPreview', () => {
  it('says a worker without a team joins at once', () => {
    expect(assignmentPreview({ name: 'Wendy', team: null }, 'Night shift', '2026-03-03')).toBe(
      'Wendy joins Night shift now.',
    );
  });

  it('says a move from another team applies tomorrow', () => {
    const wendy = { name: 'Wendy', team: { id: 't1', name: 'Day shift' } };
    expect(assignmentPreview(wendy, 'Night shift', '2026-03-03')).toBe(
      'Wendy moves from Day shift to Night shift on Tue, 3 Mar 2026 (tomorrow). Until then they stay in Day shift.',
    );
  });
});

describe('assignmentResult', () => {
  it('reports what the server did', () => {
    expect(
      assignmentResult('Wendy', 'Night shift', { outcome: 'assigned', effectiveOn: '2026-03-02' }),
    ).toBe('Wendy joined Night shift.');
    expect(
      assignmentResult('Wendy', 'Night shift', {
        outcome: 'transfer_scheduled',
        effectiveOn: '2026-03-03',
      }),
    ).toBe('Wendy moves to Night shift on Tue, 3 Mar 2026. You can cancel the move until then.');
  });
});
