import { LoadErrorPanel, LoadingPanel } from '../../check-in/load-states.tsx';
import { navigate } from '../../router/history.ts';
import { errorCode } from '../../trpc/errors.ts';
import { trpc } from '../../trpc/trpc.ts';
import { PageHeading } from '../../ui/page-heading.tsx';
import { adminPaths, personPath } from '../admin-paths.ts';
import { BackLink } from '../back-link.tsx';
import { NotFoundPanel } from '../not-found-panel.tsx';
import type { PageNotice } from '../use-page-notice.ts';
import type { Person } from './people-types.ts';
import { PersonForm } from './person-form.tsx';

const fullName = (person: Person) => `${person.firstName} ${person.lastName}`;

export function NewPersonView({ notice }: { notice: PageNotice }) {
  return (
    <div className="space-y-6">
      <div className="space-y-3">
        <BackLink to={adminPaths.people}>People</BackLink>
        <PageHeading title="Add a person">Add a person</PageHeading>
        <p className="max-w-2xl text-slate-600">
          They can sign in with this email and the initial password right away.
        </p>
      </div>
      <PersonForm
        cancelPath={adminPaths.people}
        onSaved={(person) => {
          const address = personPath(person.id);
          notice.announce(`${fullName(person)} is added.`, address);
          navigate(address);
        }}
      />
    </div>
  );
}

export function EditPersonView({ id, notice }: { id: string; notice: PageNotice }) {
  const person = trpc.people.get.useQuery({ id });
  if (person.isError && errorCode(person.error) === 'NOT_FOUND') {
    return <NotFoundPanel title="Person not found" backTo={adminPaths.people} backLabel="People" />;
  }
  const backTo = personPath(id);
  return (
    <div className="space-y-6">
      <div className="space-y-3">
        <BackLink to={backTo}>{person.data ? fullName(person.data) : 'Back'}</BackLink>
        <PageHeading title="Edit person">
          {person.data ? `Edit ${fullName(person.data)}` : 'Edit person'}
        </PageHeading>
      </div>
      {person.data ? (
        <PersonForm
          person={person.data}
          cancelPath={backTo}
          onSaved={(saved) => {
            notice.announce(`Changes to ${fullName(saved)} are saved.`, backTo);
            navigate(backTo);
          }}
        />
      ) : person.isError ? (
        <LoadErrorPanel
          title="We could not load this person."
          error={person.error}
          onRetry={() => void person.refetch()}
          retrying={person.isFetching}
        />
      ) : (
        <LoadingPanel label="Loading this person…" />
      )}
    </div>
  );
}
