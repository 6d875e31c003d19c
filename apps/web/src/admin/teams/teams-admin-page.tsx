import { useState } from 'react';
import { adminPaths } from '../admin-paths.ts';
import { NotFoundPanel } from '../not-found-panel.tsx';
import { usePageNotice } from '../use-page-notice.ts';
import { useSubView } from '../use-sub-view.ts';
import { TeamDetailView } from './team-detail-view.tsx';
import { EditTeamView, NewTeamView } from './team-form-view.tsx';
import { defaultTeamsFilters, type TeamsFilters } from './teams-filters.ts';
import { TeamsListView } from './teams-list-view.tsx';

/** /teams for admins: the list, a team, or a form. */
export function TeamsAdminPage() {
  const view = useSubView();
  const notice = usePageNotice();
  const [filters, setFilters] = useState<TeamsFilters>(defaultTeamsFilters);
  if (view === null) {
    return <NotFoundPanel title="Page not found" backTo={adminPaths.teams} backLabel="Teams" />;
  }
  switch (view.kind) {
    case 'list':
      return <TeamsListView filters={filters} onFiltersChange={setFilters} notice={notice} />;
    case 'new':
      return <NewTeamView notice={notice} />;
    case 'detail':
      return <TeamDetailView key={view.id} id={view.id} notice={notice} />;
    case 'edit':
      return <EditTeamView key={view.id} id={view.id} notice={notice} />;
    default: {
      const unreachable: never = view;
      return unreachable;
    }
  }
}
