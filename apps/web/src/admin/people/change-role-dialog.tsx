import { type FormEvent, useRef, useState } from 'react';
import { isStaleVersion, toFormErrors } from '../../trpc/errors.ts';
import { trpc } from '../../trpc/trpc.ts';
import type { Role } from '../../trpc/types.ts';
import { Button } from '../../ui/button.tsx';
import { Dialog } from '../../ui/dialog.tsx';
import { FormAlert } from '../../ui/form-alert.tsx';
import { SelectField } from '../../ui/select-field.tsx';
import { useFocusFirstError } from '../../ui/use-focus-first-error.ts';
import { isRole, ROLES, roleLabels } from '../roles.ts';
import { TeamSelectField } from '../team-select-field.tsx';
import { useRefreshAdminData } from '../use-refresh-admin-data.ts';
import type { Person } from './people-types.ts';

type ChangeRoleDialogProps = {
  person: Person;
  open: boolean;
  onClose: () => void;
  onChanged: (person: Person) => void;
};

export function ChangeRoleDialog({ person, open, onClose, onChanged }: ChangeRoleDialogProps) {
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title={`Change the role of ${person.firstName} ${person.lastName}`}
      description="It applies on their next request: they may need to sign in again. Only a worker belongs to a team."
    >
      <ChangeRoleForm person={person} onClose={onClose} onChanged={onChanged} />
    </Dialog>
  );
}

type FieldErrors = Partial<Record<'role' | 'teamId', string>>;

function ChangeRoleForm({ person, onClose, onChanged }: Omit<ChangeRoleDialogProps, 'open'>) {
  const formRef = useRef<HTMLFormElement>(null);
  const [role, setRole] = useState<Role | ''>('');
  const [teamId, setTeamId] = useState('');
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  useFocusFirstError(formRef, attempt);
  const refresh = useRefreshAdminData();
  const changeRole = trpc.people.changeRole.useMutation({
    onSuccess: async (changed) => {
      await refresh();
      onChanged(changed);
    },
    onError: (error) => {
      if (isStaleVersion(error)) void refresh();
      const errors = toFormErrors(error, ['role', 'teamId']);
      setFieldErrors(errors.fields);
      setFormError(errors.form);
      setAttempt((count) => count + 1);
    },
  });

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (changeRole.isPending) return;
    const errors: FieldErrors = {};
    if (role === '') errors.role = 'Choose the new role.';
    if (role === 'WORKER' && teamId === '') errors.teamId = 'Choose the team they join.';
    setFieldErrors(errors);
    setFormError(null);
    if (role === '' || errors.teamId) {
      setAttempt((count) => count + 1);
      return;
    }
    changeRole.mutate({
      personId: person.id,
      expectedVersion: person.version,
      role,
      ...(role === 'WORKER' ? { teamId } : {}),
    });
  };

  return (
    <form ref={formRef} noValidate onSubmit={submit} className="space-y-5">
      <FormAlert message={formError} />
      <p className="text-sm text-slate-700">
        Now: <span className="font-medium">{roleLabels[person.role]}</span>
        {person.team && <> in {person.team.name}</>}
      </p>
      <SelectField
        label="New role"
        required
        value={role}
        onValueChange={(value) => {
          setRole(isRole(value) ? value : '');
          setFieldErrors({});
        }}
        error={fieldErrors.role}
      >
        <option value="">Choose a role</option>
        {ROLES.filter((candidate) => candidate !== person.role).map((candidate) => (
          <option key={candidate} value={candidate}>
            {roleLabels[candidate]}
          </option>
        ))}
      </SelectField>
      {role === 'WORKER' && (
        <TeamSelectField
          label="Team"
          emptyLabel="Choose a team"
          required
          value={teamId}
          onValueChange={(value) => {
            setTeamId(value);
            setFieldErrors((current) => ({ ...current, teamId: undefined }));
          }}
          hint="They join it today."
          error={fieldErrors.teamId}
        />
      )}
      {person.role === 'WORKER' && role !== '' && (
        <p className="text-sm text-slate-600">They leave {person.team?.name ?? 'their team'}.</p>
      )}
      <div className="flex flex-col-reverse gap-3 sm:flex-row sm:justify-end">
        <Button variant="secondary" onClick={onClose}>
          Cancel
        </Button>
        <Button type="submit" pending={changeRole.isPending}>
          Change role
        </Button>
      </div>
    </form>
  );
}
