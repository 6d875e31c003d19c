import { formatLocalDate } from '../../check-in/format.ts';
import type { Transfer } from '../../team/team-types.ts';
import { errorMessage } from '../../trpc/errors.ts';
import { trpc } from '../../trpc/trpc.ts';
import { Button } from '../../ui/button.tsx';
import type { PageNotice } from '../use-page-notice.ts';
import { useRefreshAdminData } from '../use-refresh-admin-data.ts';

/** A pending move in words, with the button that cancels it before it applies. */
export function PendingTransfer({
  transfer,
  direction,
  notice,
  canCancel = true,
}: {
  transfer: Transfer;
  /** Seen from the team the worker leaves, or the one they join. */
  direction: 'out' | 'in';
  notice: PageNotice;
  /** False on a past state (read only): the move is shown as it stood then, in words only. */
  canCancel?: boolean;
}) {
  const refresh = useRefreshAdminData();
  const cancel = trpc.teams.cancelTransfer.useMutation({
    onSuccess: async () => {
      await refresh();
      notice.announce(
        `The move of ${transfer.person.name} to ${transfer.toTeam.name} is cancelled.`,
      );
    },
  });
  const when = formatLocalDate(transfer.effectiveOn, 'long');
  return (
    <div className="space-y-2">
      <p className="text-sm text-slate-700">
        {direction === 'out'
          ? `Moves to ${transfer.toTeam.name} on ${when}`
          : `${transfer.person.name}, from ${transfer.fromTeam.name}, joins on ${when}`}
      </p>
      {canCancel && (
        <Button
          variant="secondary"
          className="px-3 py-1.5 text-xs"
          pending={cancel.isPending}
          // The visible words start the accessible name (WCAG 2.5.3, label in name).
          aria-label={`Cancel the move of ${transfer.person.name}`}
          onClick={() => cancel.mutate({ personId: transfer.person.id })}
        >
          Cancel the move
        </Button>
      )}
      {cancel.isError && (
        <p role="alert" className="text-sm text-red-700">
          {errorMessage(cancel.error)}
        </p>
      )}
    </div>
  );
}
