import { LoadErrorPanel, LoadingPanel } from '../../check-in/load-states.tsx';
import { Link } from '../../router/link.tsx';
import { useSignedInUser } from '../../session/session-store.ts';
import { errorMessage } from '../../trpc/errors.ts';
import { Badge } from '../../ui/badge.tsx';
import { Button } from '../../ui/button.tsx';
import { textLinkClassName } from '../../ui/link-styles.ts';
import { type AsOfCut, placeAgainstCut, stateAfterEventPath } from '../as-of/as-of-params.ts';
import { formatInstant } from '../format-instant.ts';
import { detailEntries } from './detail-entries.ts';
import { EventDetails } from './event-details.tsx';
import { eventLabel } from './event-wording.ts';
import type { EntityEvent, EntityType } from './timeline-types.ts';
import { useEntityEvents } from './use-entity-events.ts';
import { useKnownNames } from './use-known-names.ts';

type EventTimelineProps = {
  entityType: EntityType;
  entityId: string;
  /** Names the screen already knows (the person, their team's leader…). */
  names?: ReadonlyMap<string, string>;
  /** The section's heading level: 2 on a page, none in a dialog that has its own title. */
  headingId?: string;
  /** Where a past state shown above was cut: events it does not include are marked. */
  cut?: AsOfCut | null;
};

/** Every recorded change of one person, team or holiday, newest first. */
export function EventTimeline({
  entityType,
  entityId,
  names,
  headingId,
  cut = null,
}: EventTimelineProps) {
  const events = useEntityEvents(entityType, entityId);
  const knownNames = useKnownNames(names);
  const timeZone = useSignedInUser().company.timezone;
  if (!events.data) {
    if (!events.isError) return <LoadingPanel label="Loading the history…" />;
    return (
      <LoadErrorPanel
        title="We could not load the history."
        error={events.error}
        onRetry={() => void events.refetch()}
        retrying={events.isFetching}
      />
    );
  }
  const items = events.data.pages.flatMap((page) => page.items);
  if (items.length === 0) {
    return <p className="text-sm text-slate-600">No changes recorded yet.</p>;
  }
  return (
    <div className="space-y-3">
      <ol
        aria-labelledby={headingId}
        className="relative space-y-4 border-l-2 border-slate-200 pl-5"
      >
        {items.map((event) => (
          <TimelineItem
            key={event.id}
            event={event}
            names={knownNames}
            timeZone={timeZone}
            stateAfter={stateAfterEventPath(entityType, entityId, event.id)}
            place={cut ? placeAgainstCut(event, cut) : 'included'}
          />
        ))}
      </ol>
      {events.isFetchNextPageError && (
        <p role="alert" className="text-sm text-red-700">
          Could not load more. {errorMessage(events.error)}
        </p>
      )}
      {events.hasNextPage && (
        <Button
          variant="secondary"
          pending={events.isFetchingNextPage}
          onClick={() => void events.fetchNextPage()}
        >
          Load older changes
        </Button>
      )}
    </div>
  );
}

function TimelineItem({
  event,
  names,
  timeZone,
  stateAfter,
  place,
}: {
  event: EntityEvent;
  names: ReadonlyMap<string, string>;
  timeZone: string;
  /** The entity's page as it was right after this event; null where there is none. */
  stateAfter: string | null;
  place: 'included' | 'shown' | 'later';
}) {
  const when = formatInstant(event.createdAt, timeZone);
  return (
    <li className="relative space-y-1.5">
      <span
        aria-hidden="true"
        className="absolute top-1.5 -left-[1.6875rem] size-3 rounded-full border-2 border-white bg-teal-600 ring-1 ring-teal-600"
      />
      <p className="text-sm">
        <span className="font-semibold text-slate-900">{eventLabel(event.type)}</span>
        <span className="text-slate-500">
          {' '}
          · <time dateTime={event.createdAt}>{when}</time>
          {event.actor && <> · by {event.actor.name}</>}
        </span>
        {place === 'shown' && (
          <Badge tone="amber" className="ml-2">
            State shown above
          </Badge>
        )}
        {place === 'later' && (
          <Badge tone="slate" className="ml-2">
            Later than the state shown
          </Badge>
        )}
      </p>
      <EventDetails entries={detailEntries(event.payload, { names, timeZone })} />
      {stateAfter && (
        <p className="text-sm">
          {/* Every item has this link: the rest of its name (after the visible words, WCAG
              2.5.3) tells them apart when a screen reader lists the links. */}
          <Link
            to={stateAfter}
            className={textLinkClassName}
            aria-label={`State after this event (${eventLabel(event.type)}, ${when})`}
          >
            State after this event
          </Link>
        </p>
      )}
    </li>
  );
}
