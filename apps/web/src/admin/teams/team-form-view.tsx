import { LoadErrorPanel, LoadingPanel } from '../../check-in/load-states.tsx';
import { navigate } from '../../router/history.ts';
import { errorCode } from '../../trpc/errors.ts';
import { trpc } from '../../trpc/trpc.ts';
import { PageHeading } from '../../ui/page-heading.tsx';
import { adminPaths, teamPath } from '../admin-paths.ts';
import { BackLink } from '../back-link.tsx';
import { NotFoundPanel } from '../not-found-panel.tsx';
import type { PageNotice } from '../use-page-notice.ts';
import { TeamForm } from './team-form.tsx';

export function NewTeamView({ notice }: { notice: PageNotice }) {
  return (
    <div className="space-y-6">
      <div className="space-y-3">
        <BackLink to={adminPaths.teams}>Teams</BackLink>
        <PageHeading title="New team">New team</PageHeading>
        <p className="max-w-2xl text-slate-600">
          Workers join it from their own page or from the team’s page once it exists.
        </p>
      </div>
      <TeamForm
        cancelPath={adminPaths.teams}
        onSaved={(team) => {
          const address = teamPath(team.id);
          notice.announce(`${team.name} is created.`, address);
          navigate(address);
        }}
      />
    </div>
  );
}

export function EditTeamView({ id, notice }: { id: string; notice: PageNotice }) {
  const detail = trpc.teams.get.useQuery({ id });
  if (detail.isError && errorCode(detail.error) === 'NOT_FOUND') {
    return <NotFoundPanel title="Team not found" backTo={adminPaths.teams} backLabel="Teams" />;
  }
  const backTo = teamPath(id);
  const team = detail.data?.team;
  return (
    <div className="space-y-6">
      <div className="space-y-3">
        <BackLink to={backTo}>{team ? team.name : 'Back'}</BackLink>
        <PageHeading title="Edit team">{team ? `Edit ${team.name}` : 'Edit team'}</PageHeading>
      </div>
      {team ? (
        <TeamForm
          team={team}
          cancelPath={backTo}
          onSaved={(saved) => {
            notice.announce(`Changes to ${saved.name} are saved.`, backTo);
            navigate(backTo);
          }}
        />
      ) : detail.isError ? (
        <LoadErrorPanel
          title="We could not load this team."
          error={detail.error}
          onRetry={() => void detail.refetch()}
          retrying={detail.isFetching}
        />
      ) : (
        <LoadingPanel label="Loading this team…" />
      )}
    </div>
  );
}
