// The bulk seed prepares one batch in Node while the database writes the previous one
// (decision 037). The write only advances when the event loop turns: a COPY's data reaches
// the socket, and each statement's completion starts the next, between turns. Preparing
// therefore lets the loop turn often, by time rather than by a count of events: 2,000 events
// between turns held the loop for 0.1–0.3 s, during which the database sat idle after each
// statement of the batch it was writing.

/** Longest stretch of preparation between turns of the event loop. */
const SLICE_MS = 4;

let sliceStarted = performance.now();

/** Lets the event loop turn (pending I/O and the writing batch's next step run). */
export async function breathe(): Promise<void> {
  await new Promise<void>((resolve) => setImmediate(resolve));
  sliceStarted = performance.now();
}

/** Lets the event loop turn if the current slice of preparation has run its time. */
export async function breatheIfDue(): Promise<void> {
  if (performance.now() - sliceStarted >= SLICE_MS) await breathe();
}

/** Items worked on between two looks at the clock (a look costs about as much as an item). */
export const CLOCK_EVERY = 64;
