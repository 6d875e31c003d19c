import type { ActorCredential, CommandActor, Db, IdempotencyClaim } from '@aegira/db';
import type { Role } from '@aegira/events';
import type { LoginLimiter } from '../auth/login-limiter.ts';
import type { Logger } from '../http/logger.ts';
import type { LiveDeps } from '../live/start-live.ts';

/** The verified person behind a request, re-read from the database on every request. */
export interface Actor {
  personId: string;
  companyId: string;
  role: Role;
  email: string;
  firstName: string;
  lastName: string;
  /** The API token the request came with (its issuer is the person above); null for a browser session. */
  tokenId: string | null;
  /** A read-only token may call queries only. */
  readOnly: boolean;
  /**
   * Signed in with an admin-set or one-time password: every procedure but
   * changing it (and logging out) is refused until it is changed.
   */
  mustChangePassword: boolean;
  /** What the request authenticated with; every command re-checks it in its transaction. */
  credential?: ActorCredential;
  /** The request's Idempotency-Key, when it sent one (trpc/idempotency.ts). */
  idempotency?: IdempotencyClaim;
}

/** Built once per server: what every request and service shares. */
export interface ApiDeps {
  db: Db;
  jwtSecret: string;
  secureCookies: boolean;
  loginLimiter: LoginLimiter;
  logger: Logger;
  /** The clock; tests fix it to exercise the check-in window rules. */
  now?: () => Date;
  /** This instance's live streams; absent where nothing serves HTTP (scripts, caller tests). */
  live?: LiveDeps;
}

/** What every service needs: the database and the one clock reading of a request. */
export interface ServiceDeps {
  db: Db;
  /** The clock; tests fix it to exercise the check-in window rules. */
  now?: () => Date;
}

/**
 * Who a command is recorded against: the person, and the API token when the
 * request came with one (product.md: every token use is attributable).
 */
export function commandActor(actor: Actor): CommandActor {
  return {
    companyId: actor.companyId,
    actorId: actor.personId,
    tokenId: actor.tokenId,
    ...(actor.credential ? { credential: actor.credential } : {}),
    ...(actor.idempotency ? { idempotency: actor.idempotency } : {}),
  };
}
