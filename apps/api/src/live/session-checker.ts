import { type Db, findLiveSessions, type SessionClaimsToCheck } from '@aegira/db';

/** Largest number of sessions asked about in one statement. */
const MAX_BATCH = 500;

interface Pending {
  claims: SessionClaimsToCheck;
  resolve: (holds: boolean) => void;
  reject: (error: unknown) => void;
}

/**
 * Re-checks the sessions of live streams in batches: every check asked for in
 * the same turn of the event loop (a message heard by many streams wakes them
 * all at once) goes to the database as one statement.
 */
export class SessionChecker {
  private pending: Pending[] = [];
  private scheduled = false;

  constructor(private readonly db: Db) {}

  stillHolds(claims: SessionClaimsToCheck): Promise<boolean> {
    return new Promise((resolve, reject) => {
      this.pending.push({ claims, resolve, reject });
      if (this.scheduled) return;
      this.scheduled = true;
      setImmediate(() => void this.flush());
    });
  }

  private async flush(): Promise<void> {
    this.scheduled = false;
    const all = this.pending;
    this.pending = [];
    for (let start = 0; start < all.length; start += MAX_BATCH) {
      const batch = all.slice(start, start + MAX_BATCH);
      try {
        const holding = await findLiveSessions(
          this.db,
          batch.map((entry) => entry.claims),
        );
        for (const [index, entry] of batch.entries()) entry.resolve(holding.has(index));
      } catch (error) {
        for (const entry of batch) entry.reject(error);
      }
    }
  }
}
