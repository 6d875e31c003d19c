import { Link } from '../../router/link.tsx';
import { Button } from '../../ui/button.tsx';
import { MAX_PERSON_NAME_LENGTH } from '../../ui/field-limits.ts';
import { FormAlert } from '../../ui/form-alert.tsx';
import { secondaryLinkClassName } from '../../ui/link-styles.ts';
import { SelectField } from '../../ui/select-field.tsx';
import { TextField } from '../../ui/text-field.tsx';
import { isRole, ROLES, roleLabels } from '../roles.ts';
import { TeamSelectField } from '../team-select-field.tsx';
import type { Person } from './people-types.ts';
import { hasSchedule, MIN_PASSWORD_LENGTH } from './person-form-values.ts';
import { PersonScheduleFields } from './person-schedule-fields.tsx';
import { usePersonForm } from './use-person-form.ts';

const legendClassName = 'text-base font-semibold text-slate-900';
const cardClassName = 'space-y-8 rounded-2xl bg-white p-5 shadow-sm ring-1 ring-slate-200 sm:p-6';

type PersonFormProps = {
  person?: Person;
  cancelPath: string;
  onSaved: (person: Person) => void;
};

export function PersonForm({ person, cancelPath, onSaved }: PersonFormProps) {
  const form = usePersonForm(person ? { person, onSaved } : { onSaved });
  const { values, fieldErrors: errors, change } = form;
  return (
    <form ref={form.formRef} noValidate onSubmit={form.submit} className="max-w-3xl space-y-6">
      <div className={cardClassName}>
        <FormAlert message={form.formError} />
        <fieldset className="space-y-5">
          <legend className={legendClassName}>Name and contact</legend>
          <div className="grid gap-5 sm:grid-cols-2">
            <TextField
              label="First name"
              maxLength={MAX_PERSON_NAME_LENGTH}
              autoComplete="off"
              required
              value={values.firstName}
              onValueChange={change('firstName')}
              error={errors.firstName}
            />
            <TextField
              label="Last name"
              maxLength={MAX_PERSON_NAME_LENGTH}
              autoComplete="off"
              required
              value={values.lastName}
              onValueChange={change('lastName')}
              error={errors.lastName}
            />
          </div>
          <div className="grid gap-5 sm:grid-cols-2">
            <TextField
              label="Email"
              type="email"
              autoComplete="off"
              required
              value={values.email}
              onValueChange={change('email')}
              hint="They sign in with it."
              error={errors.email}
            />
            <TextField
              label="Phone (optional)"
              type="tel"
              autoComplete="off"
              value={values.phone}
              onValueChange={change('phone')}
              error={errors.phone}
            />
          </div>
        </fieldset>
        {form.mode === 'create' ? (
          <fieldset className="space-y-5">
            <legend className={legendClassName}>Role and team</legend>
            <div className="grid gap-5 sm:grid-cols-2">
              <SelectField
                label="Role"
                required
                value={values.role}
                onValueChange={(role) => change('role')(isRole(role) ? role : '')}
                error={errors.role}
              >
                <option value="">Choose a role</option>
                {ROLES.map((role) => (
                  <option key={role} value={role}>
                    {roleLabels[role]}
                  </option>
                ))}
              </SelectField>
              {values.role === 'WORKER' && (
                <TeamSelectField
                  label="Team"
                  emptyLabel="Choose a team"
                  required
                  value={values.teamId}
                  onValueChange={change('teamId')}
                  hint="A worker belongs to one team and checks in on its schedule."
                  error={errors.teamId}
                />
              )}
            </div>
          </fieldset>
        ) : (
          <p className="rounded-lg bg-slate-50 px-4 py-3 text-sm text-slate-600 ring-1 ring-slate-200">
            The role changes from the person’s page; a worker moves to another team from the team’s
            page.
          </p>
        )}
        {hasSchedule(values) && (
          <PersonScheduleFields values={values} errors={errors} change={change} />
        )}
        {form.mode === 'create' && (
          <fieldset className="space-y-5">
            <legend className={legendClassName}>Signing in</legend>
            <TextField
              label="Initial password"
              type="password"
              autoComplete="new-password"
              required
              minLength={MIN_PASSWORD_LENGTH}
              value={values.password}
              onValueChange={change('password')}
              hint={`At least ${MIN_PASSWORD_LENGTH} characters. Give it to them in person; they can change it once signed in.`}
              error={errors.password}
            />
          </fieldset>
        )}
      </div>
      <div className="flex flex-col gap-3 sm:flex-row sm:items-center">
        <Button type="submit" pending={form.pending} className="sm:min-w-40">
          {form.mode === 'create' ? 'Add person' : 'Save changes'}
        </Button>
        <Link to={cancelPath} className={secondaryLinkClassName}>
          Cancel
        </Link>
      </div>
    </form>
  );
}
