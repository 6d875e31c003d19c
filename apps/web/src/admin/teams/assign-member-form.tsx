import { addDays } from '@aegira/domain';
import { type FormEvent, useId, useMemo, useRef, useState } from 'react';
import type { TeamDetail } from '../../team/team-types.ts';
import { toFormErrors } from '../../trpc/errors.ts';
import { trpc } from '../../trpc/trpc.ts';
import { Button } from '../../ui/button.tsx';
import { FormAlert } from '../../ui/form-alert.tsx';
import { useFocusFirstError } from '../../ui/use-focus-first-error.ts';
import type { PageNotice } from '../use-page-notice.ts';
import { useRefreshAdminData } from '../use-refresh-admin-data.ts';
import { assignmentPreview, assignmentResult } from './assignment-wording.ts';
import { PersonPickerField } from './person-picker-field.tsx';

const PICKER_LIMIT = 100;

/** Picks an active worker from elsewhere and assigns them here, saying when it applies. */
export function AssignMemberForm({ detail, notice }: { detail: TeamDetail; notice: PageNotice }) {
  const { team } = detail;
  const previewId = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const [attempt, setAttempt] = useState(0);
  useFocusFirstError(formRef, attempt);
  const [personId, setPersonId] = useState('');
  const [fieldError, setFieldError] = useState<string | undefined>();
  const [formError, setFormError] = useState<string | null>(null);
  const refresh = useRefreshAdminData();
  const workers = trpc.people.list.useQuery({ role: 'WORKER', active: true, limit: PICKER_LIMIT });

  const arriving = useMemo(
    () => new Set(detail.incomingTransfers.map((transfer) => transfer.person.id)),
    [detail.incomingTransfers],
  );
  const candidates = useMemo(
    () =>
      workers.data?.items
        .filter((worker) => worker.team?.id !== team.id && !arriving.has(worker.id))
        .map((worker) => ({
          id: worker.id,
          name: `${worker.firstName} ${worker.lastName}`,
          team: worker.team,
        })),
    [workers.data, team.id, arriving],
  );
  const chosen = candidates?.find((candidate) => candidate.id === personId);

  const assign = trpc.teams.assignMember.useMutation({
    onSuccess: async (result) => {
      await refresh();
      notice.announce(assignmentResult(chosen?.name ?? 'The worker', team.name, result));
      setPersonId('');
    },
    onError: (error) => {
      const errors = toFormErrors(error, ['personId']);
      setFieldError(errors.fields.personId);
      setFormError(errors.form);
      setAttempt((count) => count + 1);
    },
  });

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (assign.isPending) return;
    setFormError(null);
    if (personId === '') {
      setFieldError('Choose a worker.');
      setAttempt((count) => count + 1);
      return;
    }
    assign.mutate({ personId, teamId: team.id });
  };

  return (
    <form
      ref={formRef}
      noValidate
      onSubmit={submit}
      className="space-y-4 rounded-2xl bg-white p-5 shadow-sm ring-1 ring-slate-200"
    >
      <FormAlert message={formError} />
      <PersonPickerField
        label="Worker"
        emptyLabel="Choose a worker"
        value={personId}
        onValueChange={(value) => {
          setPersonId(value);
          setFieldError(undefined);
          setFormError(null);
        }}
        options={candidates?.map((candidate) => ({
          id: candidate.id,
          name: candidate.name,
          note: candidate.team ? `in ${candidate.team.name}` : 'no team',
          disabled: false,
        }))}
        loading={workers.isPending}
        loadError={workers.error}
        noneHint="Every active worker is already in this team or on the way."
        error={fieldError}
      />
      <p id={previewId} aria-live="polite" className="min-h-5 text-sm text-slate-700">
        {chosen && assignmentPreview(chosen, team.name, addDays(detail.localDate, 1))}
      </p>
      <Button type="submit" pending={assign.isPending} aria-describedby={previewId}>
        {chosen?.team ? 'Schedule the move' : 'Assign to this team'}
      </Button>
    </form>
  );
}
