import { useState } from 'react';
import { Link } from '../../router/link.tsx';
import { useSignedInUser } from '../../session/session-store.ts';
import { errorMessage, isStaleVersion } from '../../trpc/errors.ts';
import { trpc } from '../../trpc/trpc.ts';
import { Button } from '../../ui/button.tsx';
import { secondaryLinkClassName } from '../../ui/link-styles.ts';
import { adminPaths, subViewPath } from '../admin-paths.ts';
import { ReasonDialog } from '../reason-dialog.tsx';
import type { PageNotice } from '../use-page-notice.ts';
import { useRefreshAdminData } from '../use-refresh-admin-data.ts';
import { ChangeRoleDialog } from './change-role-dialog.tsx';
import type { Person } from './people-types.ts';
import { ResetPasswordDialog } from './reset-password-dialog.tsx';
import { useSubjectAccessDownload } from './subject-access-download.ts';

type OpenDialog = 'role' | 'deactivate' | 'reset-password' | 'erase' | null;

/**
 * Edit, change role, deactivate or reactivate — never on oneself, as the server insists too —
 * download everything held on the person (subject access), and erase a former employee's
 * health data (decision 039): only once they are deactivated, and never undone.
 */
export function PersonActions({ person, notice }: { person: Person; notice: PageNotice }) {
  const user = useSignedInUser();
  const refresh = useRefreshAdminData();
  const [dialog, setDialog] = useState<OpenDialog>(null);
  const subjectAccess = useSubjectAccessDownload(person.id);
  const name = `${person.firstName} ${person.lastName}`;
  const self = person.id === user.id;

  const deactivate = trpc.people.deactivate.useMutation({
    onSuccess: async () => {
      await refresh();
      setDialog(null);
      notice.announce(`${name} is deactivated and can no longer sign in.`);
    },
    // A stale version: the server refused; show the latest (its message says so).
    onError: (error) => {
      if (isStaleVersion(error)) void refresh();
    },
  });
  const reactivate = trpc.people.reactivate.useMutation({
    onSuccess: async () => {
      await refresh();
      notice.announce(`${name} is active again and can sign in.`);
    },
    // A stale version: the server refused; show the latest (its message says so).
    onError: (error) => {
      if (isStaleVersion(error)) void refresh();
    },
  });
  const erase = trpc.people.erase.useMutation({
    onSuccess: async () => {
      await refresh();
      setDialog(null);
      notice.announce(`${name}’s health data is erased.`);
    },
  });
  const close = () => {
    setDialog(null);
    deactivate.reset();
    erase.reset();
  };
  // Erased people cannot come back (the server refuses): no reactivation, nothing to erase.
  const erased = person.erasedAt !== null;

  return (
    <div className="space-y-2">
      <div className="flex flex-wrap gap-3">
        <Link
          to={subViewPath(adminPaths.people, { kind: 'edit', id: person.id })}
          className={secondaryLinkClassName}
        >
          Edit details
        </Link>
        {!self && (
          <Button variant="secondary" onClick={() => setDialog('role')}>
            Change role
          </Button>
        )}
        {!self && person.isActive && (
          <Button variant="secondary" onClick={() => setDialog('reset-password')}>
            Reset password
          </Button>
        )}
        {!self && person.isActive && (
          <Button variant="secondary" onClick={() => setDialog('deactivate')}>
            Deactivate
          </Button>
        )}
        {!person.isActive && !erased && (
          <Button
            variant="secondary"
            pending={reactivate.isPending}
            // No expectedVersion: reactivation depends on no detail the admin saw, and the
            // server refuses it if someone reactivated first. (A worker's own password
            // change moves the version and must not block an admin.)
            onClick={() => reactivate.mutate({ personId: person.id })}
          >
            Reactivate
          </Button>
        )}
        <Button
          variant="secondary"
          pending={subjectAccess.pending}
          onClick={() => void subjectAccess.download()}
        >
          Download personal data (subject access)
        </Button>
        {!self && !person.isActive && !erased && (
          <Button variant="danger" onClick={() => setDialog('erase')}>
            Erase health data
          </Button>
        )}
      </div>
      {self && (
        <p className="text-sm text-slate-600">
          This is you. Another admin can change your role or deactivate you.
        </p>
      )}
      {subjectAccess.error && (
        <p role="alert" className="text-sm text-red-700">
          Could not download the personal data. {subjectAccess.error}
        </p>
      )}
      {reactivate.isError && (
        <p role="alert" className="text-sm text-red-700">
          Could not reactivate. {errorMessage(reactivate.error)}
        </p>
      )}
      <ChangeRoleDialog
        person={person}
        open={dialog === 'role'}
        onClose={close}
        onChanged={(changed) => {
          setDialog(null);
          notice.announce(
            `${name} is now ${changed.role === 'ADMIN' ? 'an' : 'a'} ${roleWord(changed.role)}.`,
          );
        }}
      />
      <ResetPasswordDialog
        person={person}
        open={dialog === 'reset-password'}
        onClose={() => setDialog(null)}
      />
      <ReasonDialog
        open={dialog === 'deactivate'}
        onClose={close}
        title={`Deactivate ${name}?`}
        description="They are signed out at once and can no longer sign in. Their history stays, and you can reactivate them later."
        confirmLabel="Deactivate"
        minLength={3}
        pending={deactivate.isPending}
        error={deactivate.error}
        // No expectedVersion, as for reactivation: an already inactive person is refused.
        onConfirm={(reason) => deactivate.mutate({ personId: person.id, reason })}
      />
      <ReasonDialog
        open={dialog === 'erase'}
        onClose={close}
        title={`Erase ${name}’s health data?`}
        description="This cannot be undone. Their check-in answers and notes, pain levels, leave, excuse and countermeasure notes, and what they wrote in incidents they reported (with those cases’ summaries and notes) are erased for good from every screen and export. Scores stay, so team analytics do not change, and the audit log still verifies. They can never be reactivated."
        confirmLabel="Erase health data"
        minLength={3}
        hint="Kept with the erasure in the audit log: say why the law requires it."
        pending={erase.isPending}
        error={erase.error}
        onConfirm={(reason) => erase.mutate({ personId: person.id, reason })}
      />
    </div>
  );
}

function roleWord(role: Person['role']): string {
  switch (role) {
    case 'ADMIN':
      return 'admin';
    case 'WHS':
      return 'WHS officer';
    case 'SUPERVISOR':
      return 'supervisor';
    case 'TEAM_LEAD':
      return 'team lead';
    case 'WORKER':
      return 'worker';
    default: {
      const unreachable: never = role;
      return unreachable;
    }
  }
}
