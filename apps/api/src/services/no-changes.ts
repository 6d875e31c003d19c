/**
 * Thrown from a command's decide step when a request would change nothing:
 * the transaction rolls back before any event is stored, because an event that
 * records no change would only add noise to the history.
 */
export class NothingChanged extends Error {
  constructor() {
    super('nothing changed');
    this.name = 'NothingChanged';
  }
}

/** Runs `command`; when it changes nothing, answers with the current state instead. */
export async function orCurrentIfUnchanged<R>(
  command: () => Promise<R>,
  current: () => Promise<R>,
): Promise<R> {
  try {
    return await command();
  } catch (error) {
    if (error instanceof NothingChanged) return current();
    throw error;
  }
}
