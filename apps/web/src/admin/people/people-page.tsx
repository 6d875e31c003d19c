import { useState } from 'react';
import { adminPaths } from '../admin-paths.ts';
import { NotFoundPanel } from '../not-found-panel.tsx';
import { usePageNotice } from '../use-page-notice.ts';
import { useSubView } from '../use-sub-view.ts';
import { noPeopleFilters, type PeopleFilters } from './people-filters.ts';
import { PeopleListView } from './people-list-view.tsx';
import { PersonDetailView } from './person-detail-view.tsx';
import { EditPersonView, NewPersonView } from './person-form-view.tsx';

/** /people: the list, a person, or a form. Filters live here so a visit to a person keeps them. */
export function PeoplePage() {
  const view = useSubView();
  const notice = usePageNotice();
  const [filters, setFilters] = useState<PeopleFilters>(noPeopleFilters);
  if (view === null) {
    return <NotFoundPanel title="Page not found" backTo={adminPaths.people} backLabel="People" />;
  }
  switch (view.kind) {
    case 'list':
      return <PeopleListView filters={filters} onFiltersChange={setFilters} notice={notice} />;
    case 'new':
      return <NewPersonView notice={notice} />;
    case 'detail':
      return <PersonDetailView key={view.id} id={view.id} notice={notice} />;
    case 'edit':
      return <EditPersonView key={view.id} id={view.id} notice={notice} />;
    default: {
      const unreachable: never = view;
      return unreachable;
    }
  }
}
