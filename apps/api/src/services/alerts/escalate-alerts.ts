import { type Db, event, executeCommand } from '@aegira/db';
import { ALERT_ESCALATION_MINUTES } from '@aegira/domain';
import { EventType } from '@aegira/events';

interface DueAlert {
  id: string;
  supervisor_id: string | null;
}

/**
 * Escalates every alert of one company that has had no countermeasure for 60
 * minutes (product.md "Acting on a RED check-in"): READINESS_ALERT_ESCALATED to
 * the team's supervisor, or to every active WHS officer when the team has no
 * active supervisor. Run every minute by the scheduler as the system.
 *
 * Exactly once, whatever runs at the same time: the due alerts are locked, and
 * a row another run (or a countermeasure) holds is skipped; a row that changed
 * while we waited is re-checked by PostgreSQL against the conditions, so an
 * alert already escalated or handled is never escalated again. Returns how many
 * were escalated.
 */
export async function escalateOverdueAlerts(db: Db, companyId: string, now: Date): Promise<number> {
  const stored = await executeCommand(db, { companyId, actorId: null }, async (read) => {
    const due = await read.$queryRaw<DueAlert[]>`
      SELECT ra.id, s.id AS supervisor_id
      FROM readiness_alerts ra
      JOIN teams t ON t.id = ra.team_id
      LEFT JOIN persons s ON s.id = t.supervisor_id AND s.is_active
      WHERE ra.first_countermeasure_at IS NULL AND ra.escalated_at IS NULL
        AND ra.raised_at <= ${now}::timestamptz - make_interval(mins => ${ALERT_ESCALATION_MINUTES})
      ORDER BY ra.raised_at, ra.id
      FOR UPDATE OF ra SKIP LOCKED`;
    if (due.length === 0) return [];
    const whs = due.some((alert) => alert.supervisor_id === null)
      ? (
          await read.person.findMany({
            where: { role: 'WHS', isActive: true },
            select: { id: true },
            orderBy: { id: 'asc' },
          })
        ).map((person) => person.id)
      : [];
    const escalatedAt = now.toISOString();
    return due.map((alert) =>
      event(EventType.READINESS_ALERT_ESCALATED, {
        id: alert.id,
        escalatedAt,
        ...(alert.supervisor_id
          ? { escalatedTo: 'SUPERVISOR' as const, escalatedToIds: [alert.supervisor_id] }
          : { escalatedTo: 'WHS' as const, escalatedToIds: whs }),
      }),
    );
  });
  return stored.length;
}
