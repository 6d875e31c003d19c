import { Link } from '../../router/link.tsx';
import { Dialog } from '../../ui/dialog.tsx';
import { textLinkClassName } from '../../ui/link-styles.ts';
import { personPath, teamPath } from '../admin-paths.ts';
import { EventTimeline } from '../timeline/event-timeline.tsx';
import { entityTypeLabel } from '../timeline/event-wording.ts';
import type { EntityType } from '../timeline/timeline-types.ts';

export type EntityRef = { type: EntityType; id: string; name: string };

function pageOf(entity: EntityRef): string | null {
  if (entity.type === 'person') return personPath(entity.id);
  if (entity.type === 'team') return teamPath(entity.id);
  return null;
}

/** The full event history of the entity an audit entry is about. */
export function EntityHistoryDialog({
  entity,
  onClose,
}: {
  entity: EntityRef | null;
  onClose: () => void;
}) {
  const page = entity ? pageOf(entity) : null;
  return (
    <Dialog
      open={entity !== null}
      onClose={onClose}
      title={entity ? `History of ${entity.name}` : 'History'}
      description={
        entity && (
          <>
            {entityTypeLabel(entity.type)} · every recorded change, newest first.
            {page && (
              <>
                {' '}
                <Link to={page} className={textLinkClassName}>
                  Open the {entityTypeLabel(entity.type).toLowerCase()}’s page
                </Link>
              </>
            )}
          </>
        )
      }
      className="max-w-2xl"
    >
      <div className="max-h-[60vh] overflow-y-auto pr-1">
        {entity && <EventTimeline entityType={entity.type} entityId={entity.id} />}
      </div>
    </Dialog>
  );
}
