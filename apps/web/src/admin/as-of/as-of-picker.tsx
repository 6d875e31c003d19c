import { type FormEvent, useState } from 'react';
import { navigate } from '../../router/history.ts';
import { Link } from '../../router/link.tsx';
import { Button } from '../../ui/button.tsx';
import { secondaryLinkClassName } from '../../ui/link-styles.ts';
import { TextField } from '../../ui/text-field.tsx';
import { type AsOfView, presentView, viewForPickedDate, withAsOf } from './as-of-params.ts';
import { futureDateMessage } from './as-of-wording.ts';

type AsOfPickerProps = {
  /** The entity's page in the present, e.g. '/teams?id=…'. */
  entityPath: string;
  /** The view shown now; null when the address could not be read. */
  view: AsOfView | null;
  /** Today on the company's clock ('YYYY-MM-DD'): the latest date there is a state for. */
  today: string;
};

/**
 * "As of" a date, and the way back to the present. The date is applied with a button, not
 * on every change: typing a year digit by digit would otherwise open one page per digit
 * (and a change of page on input surprises screen-reader users, WCAG 3.2.2).
 */
export function AsOfPicker(props: AsOfPickerProps) {
  // Keyed by the view: the field starts from the date shown whenever the address changes.
  const key = props.view === null ? 'unreadable' : JSON.stringify(props.view);
  return <AsOfForm key={key} {...props} />;
}

function AsOfForm({ entityPath, view, today }: AsOfPickerProps) {
  const [date, setDate] = useState(view?.kind === 'date' ? view.date : today);
  const [error, setError] = useState<string | undefined>(undefined);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (date > today) {
      setError(futureDateMessage(date, today));
      return;
    }
    const next = viewForPickedDate(date, today);
    if (next === null) {
      setError('Enter a date: day, month and year.');
      return;
    }
    setError(undefined);
    navigate(withAsOf(entityPath, next));
  };
  return (
    <form
      aria-label="Point in time"
      onSubmit={submit}
      noValidate
      className="flex flex-wrap items-end gap-3"
    >
      <TextField
        type="date"
        label="As of"
        value={date}
        onValueChange={setDate}
        max={today}
        error={error}
        className="w-48"
      />
      <Button type="submit" variant="secondary">
        Show
      </Button>
      {view?.kind !== 'present' && (
        <Link to={withAsOf(entityPath, presentView)} className={secondaryLinkClassName}>
          Back to today
        </Link>
      )}
    </form>
  );
}
