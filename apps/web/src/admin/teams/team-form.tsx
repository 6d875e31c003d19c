import { Link } from '../../router/link.tsx';
import { WorkDaysField } from '../../schedule/work-days-field.tsx';
import type { Team } from '../../team/team-types.ts';
import { Button } from '../../ui/button.tsx';
import { FormAlert } from '../../ui/form-alert.tsx';
import { secondaryLinkClassName, textLinkClassName } from '../../ui/link-styles.ts';
import { TextField } from '../../ui/text-field.tsx';
import { TextareaField } from '../../ui/textarea-field.tsx';
import { adminPaths, subViewPath } from '../admin-paths.ts';
import { PersonPickerField } from './person-picker-field.tsx';
import { MAX_DESCRIPTION_LENGTH } from './team-form-values.ts';
import { useTeamForm } from './use-team-form.ts';
import { useTeamPeopleOptions } from './use-team-people-options.ts';

const legendClassName = 'text-base font-semibold text-slate-900';
const newPersonPath = subViewPath(adminPaths.people, { kind: 'new' });

type TeamFormProps = {
  team?: Team;
  cancelPath: string;
  onSaved: (team: Team) => void;
};

export function TeamForm({ team, cancelPath, onSaved }: TeamFormProps) {
  const form = useTeamForm(team ? { team, onSaved } : { onSaved });
  const people = useTeamPeopleOptions(team ?? null);
  const { values, fieldErrors: errors, change } = form;
  return (
    <form ref={form.formRef} noValidate onSubmit={form.submit} className="max-w-3xl space-y-6">
      <div className="space-y-8 rounded-2xl bg-white p-5 shadow-sm ring-1 ring-slate-200 sm:p-6">
        <FormAlert message={form.formError} />
        <fieldset className="space-y-5">
          <legend className={legendClassName}>Team</legend>
          <TextField
            label="Name"
            required
            autoComplete="off"
            maxLength={100}
            value={values.name}
            onValueChange={change('name')}
            hint="Unique among your active teams."
            error={errors.name}
          />
          <TextareaField
            label="Description (optional)"
            maxLength={MAX_DESCRIPTION_LENGTH}
            value={values.description}
            onValueChange={change('description')}
            error={errors.description}
          />
        </fieldset>
        <fieldset className="space-y-5">
          <legend className={legendClassName}>People in charge</legend>
          <div className="grid gap-5 sm:grid-cols-2">
            <PersonPickerField
              label="Team lead"
              required
              emptyLabel="Choose a team lead"
              value={values.leaderId}
              onValueChange={change('leaderId')}
              options={people.leaders.options}
              loading={people.leaders.loading}
              loadError={people.leaders.loadError}
              noneHint={
                <>
                  Nobody has the Team lead role yet.{' '}
                  <Link to={newPersonPath} className={textLinkClassName}>
                    Add a person
                  </Link>
                </>
              }
              hint="An active team lead who leads no other active team."
              error={errors.leaderId}
            />
            <PersonPickerField
              label="Supervisor (optional)"
              emptyLabel="No supervisor"
              value={values.supervisorId}
              onValueChange={change('supervisorId')}
              options={people.supervisors.options}
              loading={people.supervisors.loading}
              loadError={people.supervisors.loadError}
              noneHint="Nobody has the Supervisor role yet."
              error={errors.supervisorId}
            />
          </div>
        </fieldset>
        <fieldset className="space-y-5">
          <legend className={legendClassName}>Check-in schedule</legend>
          <div className="grid gap-5 sm:grid-cols-2">
            <TextField
              label="Window opens"
              type="time"
              required
              value={values.windowStart}
              onValueChange={change('windowStart')}
              error={errors.windowStart}
            />
            <TextField
              label="Window closes"
              type="time"
              required
              value={values.windowEnd}
              onValueChange={change('windowEnd')}
              hint="Later check-ins are still accepted, marked late."
              error={errors.windowEnd}
            />
          </div>
          <WorkDaysField
            legend="Work days"
            value={values.workDays}
            onValueChange={change('workDays')}
            hint="Nobody is expected to check in on other days or on company holidays."
            error={errors.workDays}
          />
        </fieldset>
      </div>
      <div className="flex flex-col gap-3 sm:flex-row sm:items-center">
        <Button type="submit" pending={form.pending} className="sm:min-w-40">
          {team ? 'Save changes' : 'Create team'}
        </Button>
        <Link to={cancelPath} className={secondaryLinkClassName}>
          Cancel
        </Link>
      </div>
    </form>
  );
}
