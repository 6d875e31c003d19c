import { type FormEvent, useState } from 'react';
import { toFormErrors } from '../trpc/errors.ts';
import { trpc } from '../trpc/trpc.ts';
import { Button } from '../ui/button.tsx';
import { FormAlert } from '../ui/form-alert.tsx';
import { SelectField } from '../ui/select-field.tsx';
import { TextareaField } from '../ui/textarea-field.tsx';
import { type CaseDetail, type CaseStatus, transitionLabels } from './incident-wording.ts';

type Errors = Partial<Record<string, string>>;

function useCaseMutationHandlers(fields: readonly string[], onDone: (message: string) => void) {
  const utils = trpc.useUtils();
  const [errors, setErrors] = useState<Errors>({});
  const [formError, setFormError] = useState<string | null>(null);
  return {
    errors,
    setErrors,
    formError,
    handlers: {
      onSuccess: async (detail: CaseDetail, message: string) => {
        setErrors({});
        setFormError(null);
        utils.cases.get.setData({ caseId: detail.id }, detail);
        await utils.incidents.invalidate();
        onDone(message);
      },
      onError: (error: unknown) => {
        const server = toFormErrors(error, fields);
        setErrors(server.fields);
        setFormError(server.form);
      },
    },
  };
}

/** Moves the case along its workflow; a resolution needs a summary, a reopening a reason. */
export function TransitionForm({
  detail,
  onDone,
}: {
  detail: CaseDetail;
  onDone: (message: string) => void;
}) {
  const [to, setTo] = useState<CaseStatus | ''>(detail.nextStatuses[0] ?? '');
  const [reason, setReason] = useState('');
  const [summary, setSummary] = useState('');
  const { errors, setErrors, formError, handlers } = useCaseMutationHandlers(
    ['to', 'reason', 'resolutionSummary'],
    onDone,
  );
  const transition = trpc.cases.transition.useMutation({
    onSuccess: (done) =>
      handlers.onSuccess(done, `${done.reference} is now ${done.status.toLowerCase()}.`),
    onError: handlers.onError,
  });
  if (detail.nextStatuses.length === 0) {
    return <p className="text-slate-600">The case is closed; it cannot change any more.</p>;
  }
  const reopening = detail.status === 'RESOLVED' && to === 'INVESTIGATING';
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!to) return;
    const found: Errors = {};
    if (to === 'RESOLVED' && !summary.trim())
      found.resolutionSummary = 'Summarise how the case was resolved.';
    if (reopening && !reason.trim()) found.reason = 'Say why the case is reopened.';
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    transition.mutate({
      caseId: detail.id,
      to,
      reason: reason.trim() || null,
      resolutionSummary: to === 'RESOLVED' ? summary.trim() : null,
    });
  };
  return (
    <form noValidate onSubmit={submit} className="space-y-3">
      <FormAlert message={formError} />
      <SelectField
        label="Move the case to"
        value={to}
        onValueChange={(value) => setTo(value as CaseStatus)}
      >
        {detail.nextStatuses.map((status) => (
          <option key={status} value={status}>
            {status === 'INVESTIGATING' && detail.status === 'RESOLVED'
              ? 'Reopen (investigating)'
              : transitionLabels[status]}
          </option>
        ))}
      </SelectField>
      {to === 'RESOLVED' && (
        <TextareaField
          label="Resolution summary"
          value={summary}
          onValueChange={setSummary}
          error={errors.resolutionSummary}
          maxLength={2000}
        />
      )}
      {(reopening || to === 'CLOSED') && (
        <TextareaField
          label={reopening ? 'Reason for reopening' : 'Reason (optional)'}
          value={reason}
          onValueChange={setReason}
          error={errors.reason}
          maxLength={500}
        />
      )}
      <Button type="submit" pending={transition.isPending}>
        {to ? (reopening ? 'Reopen' : transitionLabels[to]) : 'Save'}
      </Button>
    </form>
  );
}

/** Hands the case to another active WHS officer. */
export function ReassignForm({
  detail,
  onDone,
}: {
  detail: CaseDetail;
  onDone: (message: string) => void;
}) {
  const officers = trpc.incidents.officers.useQuery();
  const others = (officers.data ?? []).filter((officer) => officer.id !== detail.assignee.id);
  const [assigneeId, setAssigneeId] = useState('');
  const { errors, formError, handlers } = useCaseMutationHandlers(['assigneeId'], onDone);
  const reassign = trpc.cases.reassign.useMutation({
    onSuccess: (done) =>
      handlers.onSuccess(done, `${done.reference} is now with ${done.assignee.name}.`),
    onError: handlers.onError,
  });
  if (detail.status === 'CLOSED' || others.length === 0) return null;
  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        if (assigneeId) reassign.mutate({ caseId: detail.id, assigneeId });
      }}
      className="flex flex-wrap items-end gap-3"
    >
      <FormAlert message={formError} />
      <SelectField
        label="Reassign to"
        value={assigneeId}
        onValueChange={setAssigneeId}
        error={errors.assigneeId}
      >
        <option value="">Choose an officer…</option>
        {others.map((officer) => (
          <option key={officer.id} value={officer.id}>
            {officer.name}
          </option>
        ))}
      </SelectField>
      <Button type="submit" variant="secondary" pending={reassign.isPending}>
        Reassign
      </Button>
    </form>
  );
}

/** Adds a note to the thread (each note kept, never edited). */
export function NoteForm({
  detail,
  onDone,
}: {
  detail: CaseDetail;
  onDone: (message: string) => void;
}) {
  const [text, setText] = useState('');
  const { errors, setErrors, formError, handlers } = useCaseMutationHandlers(['text'], onDone);
  const addNote = trpc.cases.addNote.useMutation({
    onSuccess: async (done) => {
      setText('');
      await handlers.onSuccess(done, 'Note added.');
    },
    onError: handlers.onError,
  });
  if (detail.status === 'CLOSED') return null;
  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        if (!text.trim()) {
          setErrors({ text: 'Write the note first.' });
          return;
        }
        addNote.mutate({ caseId: detail.id, text: text.trim() });
      }}
      className="space-y-3"
    >
      <FormAlert message={formError} />
      <TextareaField
        label="New note"
        value={text}
        onValueChange={setText}
        error={errors.text}
        maxLength={2000}
      />
      <Button type="submit" variant="secondary" pending={addNote.isPending}>
        Add note
      </Button>
    </form>
  );
}
