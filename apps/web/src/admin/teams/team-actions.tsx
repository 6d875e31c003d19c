import { useState } from 'react';
import { Link } from '../../router/link.tsx';
import type { Team } from '../../team/team-types.ts';
import { errorMessage, isStaleVersion } from '../../trpc/errors.ts';
import { trpc } from '../../trpc/trpc.ts';
import { Button } from '../../ui/button.tsx';
import { secondaryLinkClassName } from '../../ui/link-styles.ts';
import { adminPaths, subViewPath } from '../admin-paths.ts';
import { ReasonDialog } from '../reason-dialog.tsx';
import type { PageNotice } from '../use-page-notice.ts';
import { useRefreshAdminData } from '../use-refresh-admin-data.ts';

export function TeamActions({ team, notice }: { team: Team; notice: PageNotice }) {
  const refresh = useRefreshAdminData();
  const [confirming, setConfirming] = useState(false);
  const deactivate = trpc.teams.deactivate.useMutation({
    onSuccess: async () => {
      await refresh();
      setConfirming(false);
      notice.announce(`${team.name} is deactivated; its members no longer have a team.`);
    },
    // A stale version: the server refused; show the latest (its message says so).
    onError: (error) => {
      if (isStaleVersion(error)) void refresh();
    },
  });
  const reactivate = trpc.teams.reactivate.useMutation({
    onSuccess: async () => {
      await refresh();
      notice.announce(`${team.name} is active again. Assign its members anew.`);
    },
    // A stale version: the server refused; show the latest (its message says so).
    onError: (error) => {
      if (isStaleVersion(error)) void refresh();
    },
  });
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap gap-3">
        {team.isActive && (
          <Link
            to={subViewPath(adminPaths.teams, { kind: 'edit', id: team.id })}
            className={secondaryLinkClassName}
          >
            Edit team
          </Link>
        )}
        {team.isActive ? (
          <Button variant="secondary" onClick={() => setConfirming(true)}>
            Deactivate
          </Button>
        ) : (
          <Button
            variant="secondary"
            pending={reactivate.isPending}
            onClick={() => reactivate.mutate({ id: team.id })}
          >
            Reactivate
          </Button>
        )}
      </div>
      {reactivate.isError && (
        <p role="alert" className="text-sm text-red-700">
          Could not reactivate. {errorMessage(reactivate.error)}
        </p>
      )}
      <ReasonDialog
        open={confirming}
        onClose={() => {
          setConfirming(false);
          deactivate.reset();
        }}
        title={`Deactivate ${team.name}?`}
        description={`Its ${team.memberCount === 1 ? 'member leaves' : `${team.memberCount} members leave`} the team at once and pending moves into it are cancelled. The team and its history stay; you can reactivate it later.`}
        confirmLabel="Deactivate team"
        minLength={1}
        pending={deactivate.isPending}
        error={deactivate.error}
        onConfirm={(reason) => deactivate.mutate({ id: team.id, reason })}
      />
    </div>
  );
}
