import { type FormEvent, useState } from 'react';
import { useSignedInUser } from '../session/session-store.ts';
import { toFormErrors } from '../trpc/errors.ts';
import { trpc } from '../trpc/trpc.ts';
import { Button } from '../ui/button.tsx';
import { FormAlert } from '../ui/form-alert.tsx';
import { SelectField } from '../ui/select-field.tsx';
import { TextareaField } from '../ui/textarea-field.tsx';
import { type Incident, type RejectionReason, rejectionReasonLabels } from './incident-wording.ts';

/** WHS reviews a pending report: approve (opening a case, assigned to someone) or reject. */
export function ReviewPanel({
  incident,
  onDone,
}: {
  incident: Incident;
  onDone: (message: string) => void;
}) {
  const me = useSignedInUser();
  const officers = trpc.incidents.officers.useQuery();
  const utils = trpc.useUtils();
  const [assigneeId, setAssigneeId] = useState(me.id);
  const [reason, setReason] = useState<RejectionReason | ''>('');
  const [explanation, setExplanation] = useState('');
  const [errors, setErrors] = useState<Partial<Record<string, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const onError = (error: unknown) => {
    const server = toFormErrors(error, ['assigneeId', 'reason', 'explanation']);
    setErrors(server.fields);
    setFormError(server.form);
  };
  const approve = trpc.incidents.approve.useMutation({
    onSuccess: async (done) => {
      await utils.incidents.invalidate();
      onDone(`${done.reference} approved; case ${done.case?.reference ?? ''} opened.`);
    },
    onError,
  });
  const reject = trpc.incidents.reject.useMutation({
    onSuccess: async (done) => {
      await utils.incidents.invalidate();
      onDone(`${done.reference} rejected; the reporter is told.`);
    },
    onError,
  });

  if (incident.reporter.id === me.id) {
    return (
      <p className="rounded-lg bg-slate-50 p-4 text-sm text-slate-700">
        You reported this incident, so another WHS officer reviews it.
      </p>
    );
  }

  const submitReject = (event: FormEvent) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (!reason) found.reason = 'Choose a reason.';
    if (!explanation.trim()) found.explanation = 'Explain the rejection to the reporter.';
    else if (explanation.trim().length > 500) found.explanation = 'Keep it to 500 characters.';
    setErrors(found);
    if (Object.keys(found).length > 0 || !reason) return;
    reject.mutate({ incidentId: incident.id, reason, explanation: explanation.trim() });
  };

  return (
    <section
      aria-labelledby="review"
      className="space-y-4 rounded-xl border border-amber-200 bg-amber-50/40 p-6"
    >
      <h2 id="review" className="text-lg font-semibold text-slate-900">
        Review
      </h2>
      <FormAlert message={formError} />
      <div className="flex flex-wrap items-end gap-3">
        <SelectField
          label="Assign the case to"
          value={assigneeId}
          onValueChange={setAssigneeId}
          error={errors.assigneeId}
        >
          {(officers.data ?? [{ id: me.id, name: `${me.firstName} ${me.lastName}` }]).map(
            (officer) => (
              <option key={officer.id} value={officer.id}>
                {officer.id === me.id ? `${officer.name} (me)` : officer.name}
              </option>
            ),
          )}
        </SelectField>
        <Button
          pending={approve.isPending}
          onClick={() =>
            approve.mutate({
              incidentId: incident.id,
              ...(assigneeId !== me.id ? { assigneeId } : {}),
            })
          }
        >
          Approve and open a case
        </Button>
      </div>
      <form noValidate onSubmit={submitReject} className="space-y-3 border-t border-amber-200 pt-4">
        <SelectField
          label="Reason for rejecting"
          value={reason}
          onValueChange={(value) => setReason(value as RejectionReason | '')}
          error={errors.reason}
        >
          <option value="">Choose…</option>
          {(Object.keys(rejectionReasonLabels) as RejectionReason[]).map((key) => (
            <option key={key} value={key}>
              {rejectionReasonLabels[key]}
            </option>
          ))}
        </SelectField>
        <TextareaField
          label="Explanation for the reporter"
          value={explanation}
          onValueChange={setExplanation}
          error={errors.explanation}
          maxLength={500}
        />
        <Button type="submit" variant="danger" pending={reject.isPending}>
          Reject report
        </Button>
      </form>
    </section>
  );
}
