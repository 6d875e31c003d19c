import { openPayload, sealedPartOf } from '@aegira/events';
import { openText, sealedSubject } from './seal-cipher.ts';

/**
 * The keys a reader holds: per person, the key or null once destroyed (erased). Built for the
 * events at hand (keyRingFor) and then used synchronously, event by event.
 */
export class KeyRing {
  constructor(private readonly keys: ReadonlyMap<string, Buffer | null>) {}

  /** A ring that holds no key: a sealed part throws (the keys were not loaded). */
  static readonly EMPTY = new KeyRing(new Map());

  /** Each person's key (null once destroyed), to copy the keys along with a replayed log. */
  entries(): Array<[string, Buffer | null]> {
    return [...this.keys.entries()];
  }

  /**
   * A stored payload made readable (sealed values back in place), or with its sensitive fields
   * null and `erased` when the person's key is gone. A person the ring was not built for counts
   * as a bug, not as an erasure: reading it as erased would hide data silently.
   */
  open(eventId: string, stored: unknown): { payload: unknown; erased: boolean } {
    return openPayload(stored, (sealed) => {
      const personId = sealedSubject(sealed);
      if (personId === null) throw new Error(`Event ${eventId} has a sealed part of unknown form`);
      const key = this.keys.get(personId);
      if (key === undefined) {
        throw new Error(`No key loaded for person ${personId} (event ${eventId})`);
      }
      return key === null ? null : openText(key, eventId, sealed);
    });
  }
}

/** The people whose keys sealed parts of these stored payloads. */
export function sealedSubjectsOf(payloads: Iterable<unknown>): Set<string> {
  const ids = new Set<string>();
  for (const payload of payloads) {
    const sealed = sealedPartOf(payload);
    const personId = sealed === null ? null : sealedSubject(sealed);
    if (personId !== null) ids.add(personId);
  }
  return ids;
}
