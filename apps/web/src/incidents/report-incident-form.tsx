import { toLocalTime } from '@aegira/domain';
import { type FormEvent, useRef, useState } from 'react';
import { navigate } from '../router/history.ts';
import { useSignedInUser } from '../session/session-store.ts';
import { toFormErrors } from '../trpc/errors.ts';
import { trpc } from '../trpc/trpc.ts';
import { Button } from '../ui/button.tsx';
import { cx } from '../ui/class-names.ts';
import { FieldFrame } from '../ui/field-frame.tsx';
import { controlClassName } from '../ui/field-ids.ts';
import { FormAlert } from '../ui/form-alert.tsx';
import { PageHeading } from '../ui/page-heading.tsx';
import { SelectField } from '../ui/select-field.tsx';
import { TextField } from '../ui/text-field.tsx';
import { TextareaField } from '../ui/textarea-field.tsx';
import { useFocusFirstError } from '../ui/use-focus-first-error.ts';
import {
  type IncidentSeverity,
  type IncidentType,
  incidentAddress,
  severityLabels,
  typeLabels,
} from './incident-wording.ts';
import {
  emptyReport,
  REPORT_FIELDS,
  type ReportErrors,
  type ReportValues,
  toReportInput,
  validateReport,
} from './report-values.ts';

/** Any role reports an incident; WHS is told and reviews it. */
export function ReportIncidentForm({
  onReported,
}: {
  onReported: (message: string, address: string) => void;
}) {
  const timeZone = useSignedInUser().company.timezone;
  const formRef = useRef<HTMLFormElement>(null);
  const [values, setValues] = useState<ReportValues>(() => {
    const now = toLocalTime(new Date(), timeZone);
    return emptyReport(now.date, now.time);
  });
  const [errors, setErrors] = useState<ReportErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  useFocusFirstError(formRef, attempt);
  const colleagues = trpc.incidents.colleagues.useQuery();
  const utils = trpc.useUtils();
  const report = trpc.incidents.report.useMutation({
    onSuccess: async (incident) => {
      await utils.incidents.invalidate();
      const address = incidentAddress({ id: incident.id });
      onReported(`Your report ${incident.reference} was sent to the WHS officers.`, address);
      navigate(address);
    },
    onError: (error) => {
      const server = toFormErrors(error, REPORT_FIELDS);
      setErrors(server.fields);
      setFormError(server.form);
      setAttempt((count) => count + 1);
    },
  });

  const change =
    <F extends keyof ReportValues>(
      field: F,
      error: keyof ReportErrors = field as keyof ReportErrors,
    ) =>
    (value: string) => {
      setValues((current) => ({ ...current, [field]: value }));
      setErrors((current) => ({ ...current, [error]: undefined }));
    };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (report.isPending) return;
    const found = validateReport(values, timeZone, new Date());
    const input = toReportInput(values, timeZone);
    if (Object.keys(found).length > 0 || !input) {
      setErrors(found);
      setFormError('Please correct the highlighted fields.');
      setAttempt((count) => count + 1);
      return;
    }
    setFormError(null);
    report.mutate(input);
  };

  return (
    <div className="space-y-6">
      <div className="space-y-2">
        <PageHeading title="Report an incident">Report an incident</PageHeading>
        <p className="max-w-2xl text-slate-600">
          Injuries, illnesses, near misses, hazards, property damage or anything else that affects
          safety. A WHS officer reviews it; you can follow its state under “My reports”.
        </p>
      </div>
      <form
        ref={formRef}
        noValidate
        onSubmit={submit}
        className="max-w-2xl space-y-4 rounded-xl border border-slate-200 bg-white p-6"
      >
        <FormAlert message={formError} />
        <div className="grid gap-4 sm:grid-cols-2">
          <SelectField
            label="Type"
            value={values.type}
            onValueChange={change('type')}
            error={errors.type}
            required
          >
            <option value="">Choose…</option>
            {(Object.keys(typeLabels) as IncidentType[]).map((type) => (
              <option key={type} value={type}>
                {typeLabels[type]}
              </option>
            ))}
          </SelectField>
          <SelectField
            label="Severity"
            value={values.severity}
            onValueChange={change('severity')}
            error={errors.severity}
            required
          >
            <option value="">Choose…</option>
            {(Object.keys(severityLabels) as IncidentSeverity[]).map((severity) => (
              <option key={severity} value={severity}>
                {severityLabels[severity]}
              </option>
            ))}
          </SelectField>
        </div>
        <TextField
          label="Title"
          value={values.title}
          onValueChange={change('title')}
          error={errors.title}
          hint="What happened, in a few words."
          maxLength={200}
          required
        />
        <TextField
          label="Location (optional)"
          value={values.location}
          onValueChange={change('location')}
          error={errors.location}
          maxLength={200}
        />
        <TextareaField
          label="Description"
          value={values.description}
          onValueChange={change('description')}
          error={errors.description}
          rows={5}
          maxLength={2000}
          required
        />
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField
            label="Date it happened"
            type="date"
            value={values.date}
            onValueChange={change('date', 'occurredAt')}
            error={errors.occurredAt}
            hint={`Company time (${timeZone}).`}
            required
          />
          <TextField
            label="Time it happened"
            type="time"
            value={values.time}
            onValueChange={change('time', 'occurredAt')}
            required
          />
        </div>
        <FieldFrame
          label="People involved (optional)"
          hint="Colleagues who were hurt or there. Hold Ctrl (⌘ on a Mac) to choose several."
          error={errors.peopleInvolvedIds}
        >
          {(wiring) => (
            <select
              {...wiring}
              multiple
              value={values.peopleInvolvedIds}
              onChange={(event) => {
                const chosen = Array.from(event.target.selectedOptions, (option) => option.value);
                setValues((current) => ({ ...current, peopleInvolvedIds: chosen }));
                setErrors((current) => ({ ...current, peopleInvolvedIds: undefined }));
              }}
              className={cx(controlClassName, 'h-32')}
            >
              {(colleagues.data ?? []).map((person) => (
                <option key={person.id} value={person.id}>
                  {person.name}
                </option>
              ))}
            </select>
          )}
        </FieldFrame>
        <div className="flex flex-wrap gap-3">
          <Button type="submit" pending={report.isPending}>
            Send report
          </Button>
          <Button variant="secondary" onClick={() => navigate(incidentAddress({}))}>
            Cancel
          </Button>
        </div>
      </form>
    </div>
  );
}
