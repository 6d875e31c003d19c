import type { z } from 'zod';
import { EVENT_TYPES, type EventType } from './event-types.ts';
import { assertEventType } from './events.ts';
import { InvalidEventPayloadError } from './invalid-event-payload-error.ts';
import { eventPayloadSchemas } from './payloads.ts';
import {
  apiTokenCreatedV1,
  auditCheckpointSignedV1,
  missedCheckInDetectedV1,
  personCreatedV1,
  personPasswordChangedV1,
} from './payloads-v1.ts';
import { personCreatedV2 } from './payloads-v2.ts';
import { withoutSecrets } from './without-secrets.ts';

/** A superseded payload version, and how to turn it into the next one. */
export interface PastPayloadVersion {
  /** What stored events of this version were validated against. */
  readonly schema: z.ZodType;
  /** Turns a payload valid for `schema` into a payload of the next version. */
  readonly up: (payload: unknown) => unknown;
}

function pastVersion<S extends z.ZodType>(
  schema: S,
  up: (payload: z.output<S>) => unknown,
): PastPayloadVersion {
  // Parsed again so `up` is written against a typed payload without a cast;
  // past payloads are small and only read on replay.
  return { schema, up: (payload) => up(schema.parse(payload)) };
}

/**
 * The superseded versions of each type, oldest first: index 0 is version 1.
 * The version after the last one is the current schema in payloads.ts; a type
 * not listed has only ever had version 1. Entries are never removed.
 */
export const PAST_PAYLOAD_VERSIONS: { readonly [K in EventType]?: readonly PastPayloadVersion[] } =
  {
    // Version 2 of these three took credentials out of the immutable log (product.md rule 3).
    PERSON_CREATED: [
      pastVersion(personCreatedV1, (payload) => withoutSecrets(personCreatedV1, payload)),
      // Version 3 added the forced change of an admin-set password; before it, people chose
      // their own password (sign-up) or were created with one they were given to keep.
      pastVersion(personCreatedV2, (payload) => ({ ...payload, mustChangePassword: false })),
    ],
    PERSON_PASSWORD_CHANGED: [
      pastVersion(personPasswordChangedV1, (payload) =>
        withoutSecrets(personPasswordChangedV1, payload),
      ),
    ],
    API_TOKEN_CREATED: [
      pastVersion(apiTokenCreatedV1, (payload) => withoutSecrets(apiTokenCreatedV1, payload)),
    ],
    // Version 2 added the snapshot of the day; earlier misses did not record one.
    MISSED_CHECK_IN_DETECTED: [
      pastVersion(missedCheckInDetectedV1, (payload) => ({ ...payload, snapshot: null })),
    ],
    // Version 2 added the Merkle frontier; an earlier checkpoint's next one reads every leaf.
    AUDIT_CHECKPOINT_SIGNED: [
      pastVersion(auditCheckpointSignedV1, (payload) => ({ ...payload, frontier: null })),
    ],
  };

export type PayloadVersion = {
  readonly type: EventType;
  readonly version: number;
  readonly schema: z.ZodType;
  /** True for the version new events are written in. */
  readonly current: boolean;
};

function versionsOf(type: EventType): PayloadVersion[] {
  const past = PAST_PAYLOAD_VERSIONS[type] ?? [];
  return [
    ...past.map((step, index) => ({
      type,
      version: index + 1,
      schema: step.schema,
      current: false,
    })),
    { type, version: past.length + 1, schema: eventPayloadSchemas[type], current: true },
  ];
}

/** Every (type, version) that ever existed, so tests can cover each one. */
export const EVENT_PAYLOAD_VERSIONS: readonly PayloadVersion[] = EVENT_TYPES.flatMap(versionsOf);

/** The version new events of each type are written in; stored on every event row. */
export const EVENT_SCHEMA_VERSION = Object.fromEntries(
  EVENT_TYPES.map((type) => [type, (PAST_PAYLOAD_VERSIONS[type]?.length ?? 0) + 1]),
) as { readonly [K in EventType]: number };

/**
 * The schema stored events of (type, version) were validated against; throws
 * InvalidEventPayloadError for a type or version that never existed.
 */
export function payloadSchemaOf(type: EventType, version: number): z.ZodType {
  assertEventType(type);
  const versions = EVENT_PAYLOAD_VERSIONS.filter((entry) => entry.type === type);
  const found = versions.find((entry) => entry.version === version);
  if (found === undefined) {
    const existing = versions.map((entry) => entry.version).join(', ');
    throw new InvalidEventPayloadError(type, [
      {
        path: 'version',
        message: `unknown version ${String(version)}; versions that exist: ${existing}`,
      },
    ]);
  }
  return found.schema;
}
