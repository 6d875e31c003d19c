/**
 * The cap on one event's payload (issue 11 "Payload size", BI-7). The database
 * enforces it too (CHECK events_payload_size on octet_length(payload::text));
 * the write path refuses first, so a caller gets a clear 400 instead of a
 * constraint violation, and nothing reaches the insert.
 */
export const EVENT_PAYLOAD_MAX_BYTES = 65_536;

/** A decided event whose payload is over the cap: the caller's input was too large. */
export class EventPayloadTooLargeError extends Error {
  constructor(
    readonly eventType: string,
    readonly bytes: number,
  ) {
    super(
      `The ${eventType} event would be ${bytes} bytes; an event payload may be at most ${EVENT_PAYLOAD_MAX_BYTES} bytes.`,
    );
    this.name = 'EventPayloadTooLargeError';
  }
}

/**
 * The size PostgreSQL will measure: jsonb's text form is JSON with a space after each
 * `:` and `,` (`{"a": 1, "b": [1, 2]}`), so JSON.stringify's bytes plus one per member
 * and per separator. An estimate from above or equal for what the log stores.
 */
export function storedPayloadBytes(payload: unknown): number {
  const json = JSON.stringify(payload) ?? 'null';
  let separators = 0;
  const pending: unknown[] = [payload];
  while (pending.length > 0) {
    const value = pending.pop();
    if (Array.isArray(value)) {
      separators += Math.max(0, value.length - 1);
      pending.push(...value.filter((item) => item !== undefined));
    } else if (typeof value === 'object' && value !== null) {
      const members = Object.values(value).filter((member) => member !== undefined);
      // ": " in each member, ", " between members.
      separators += members.length + Math.max(0, members.length - 1);
      pending.push(...members);
    }
  }
  return Buffer.byteLength(json, 'utf8') + separators;
}

/** Throws EventPayloadTooLargeError when the payload would be over the cap. */
export function assertPayloadWithinCap(eventType: string, payload: unknown): void {
  const bytes = storedPayloadBytes(payload);
  if (bytes > EVENT_PAYLOAD_MAX_BYTES) throw new EventPayloadTooLargeError(eventType, bytes);
}
