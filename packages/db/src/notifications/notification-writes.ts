import { type Db, prismaOf, type WriteTx } from '../client.ts';
import { publishLive } from '../live/publish-live.ts';
import { bindCompany, TRANSACTION_OPTIONS } from '../tenant.ts';
import { notificationMessages } from './derive-notifications.ts';
import { notificationIdSql } from './notification-id.ts';
import { reminderGroupKey } from './notification-kinds.ts';

// Notifications are an operational read model (decision 015): derived from events by the
// write path, and otherwise written only here, each function with its company bound and for
// one recipient, so no application code can touch another person's notifications.

/** Read notifications are deleted this many days after being read (product.md). */
export const NOTIFICATION_RETENTION_DAYS = 90;

/** One recipient's notifications, in their company. */
export interface RecipientOf {
  companyId: string;
  recipientId: string;
}

async function inCompany<R>(
  db: Db,
  companyId: string,
  work: (tx: WriteTx) => Promise<R>,
): Promise<R> {
  return prismaOf(db).$transaction(async (tx) => {
    await bindCompany(tx, companyId);
    return work(tx);
  }, TRANSACTION_OPTIONS);
}

/**
 * Marks one of the recipient's notifications read (kept as first read if it already was).
 * False when the recipient has no notification with this id.
 */
export async function markNotificationRead(
  db: Db,
  of: RecipientOf & { id: string; at: Date },
): Promise<boolean> {
  const changed = await inCompany(
    db,
    of.companyId,
    (tx) =>
      tx.$executeRaw`
      UPDATE notifications SET read_at = coalesce(read_at, ${of.at})
      WHERE id = ${of.id}::uuid AND recipient_id = ${of.recipientId}::uuid`,
  );
  return changed > 0;
}

/** Marks every unread notification of the recipient read; returns how many. */
export async function markAllNotificationsRead(
  db: Db,
  of: RecipientOf & { at: Date },
): Promise<number> {
  return inCompany(
    db,
    of.companyId,
    (tx) =>
      tx.$executeRaw`
      UPDATE notifications SET read_at = ${of.at}
      WHERE recipient_id = ${of.recipientId}::uuid AND read_at IS NULL AND archived_at IS NULL`,
  );
}

/**
 * Archives one of the recipient's notifications. Archiving reads it too: it no longer counts as
 * unread, and it is pruned 90 days later like any read one. False when not theirs.
 */
export async function archiveNotification(
  db: Db,
  of: RecipientOf & { id: string; at: Date },
): Promise<boolean> {
  const changed = await inCompany(
    db,
    of.companyId,
    (tx) =>
      tx.$executeRaw`
      UPDATE notifications
      SET archived_at = coalesce(archived_at, ${of.at}), read_at = coalesce(read_at, ${of.at})
      WHERE id = ${of.id}::uuid AND recipient_id = ${of.recipientId}::uuid`,
  );
  return changed > 0;
}

/** A worker to remind of the check-in of a local date. */
export interface ReminderDue {
  personId: string;
  localDate: string;
  /** When their window closes, HH:MM local, for the text. */
  windowEnd: string;
}

/**
 * Stores each due reminder once per person and local date (a unique key, so instances racing
 * on the same run, retries and later runs add nothing) and tells the live channel about the new
 * ones. Reminders have no causing event (a check-in that did not happen causes them), so replay
 * does not rebuild them. Returns how many were new.
 */
export async function recordReminders(
  db: Db,
  companyId: string,
  reminders: readonly ReminderDue[],
  at: Date,
): Promise<number> {
  if (reminders.length === 0) return 0;
  const rows = reminders.map((reminder) => ({
    recipient_id: reminder.personId,
    group_key: reminderGroupKey(reminder.localDate),
    data: { localDate: reminder.localDate, windowEnd: reminder.windowEnd },
  }));
  return inCompany(db, companyId, async (tx) => {
    const inserted = await tx.$queryRawUnsafe<Array<{ recipient_id: string }>>(
      `INSERT INTO notifications (id, company_id, recipient_id, kind, group_key, data, created_at)
       SELECT ${notificationIdSql('$2', 'r.recipient_id', 'r.group_key')}, $2::text::uuid,
              r.recipient_id, 'CHECK_IN_REMINDER', r.group_key, r.data, $3::timestamptz
       FROM jsonb_to_recordset($1::jsonb) AS r(recipient_id uuid, group_key text, data jsonb)
       ORDER BY r.recipient_id
       ON CONFLICT (company_id, recipient_id, group_key) DO NOTHING
       RETURNING recipient_id::text`,
      JSON.stringify(rows),
      companyId,
      at.toISOString(),
    );
    await publishLive(
      tx,
      notificationMessages(
        companyId,
        inserted.map((row) => row.recipient_id),
      ),
    );
    return inserted.length;
  });
}

/** Deletes the company's notifications read more than 90 days before `now`; returns how many. */
export async function pruneReadNotifications(
  db: Db,
  companyId: string,
  now: Date,
): Promise<number> {
  const before = new Date(now.getTime() - NOTIFICATION_RETENTION_DAYS * 24 * 60 * 60 * 1000);
  return inCompany(
    db,
    companyId,
    (tx) => tx.$executeRaw`DELETE FROM notifications WHERE read_at < ${before}`,
  );
}
