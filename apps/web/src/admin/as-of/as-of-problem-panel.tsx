import { PageHeading } from '../../ui/page-heading.tsx';
import { BackLink } from '../back-link.tsx';
import type { AsOfView } from './as-of-params.ts';
import { AsOfPicker } from './as-of-picker.tsx';

/**
 * A past view with nothing to show (the entity did not exist yet, a date in the future, an
 * unreadable link): what went wrong, a date to try instead, and the way back to today.
 */
export function AsOfProblemPanel({
  title,
  message,
  backTo,
  backLabel,
  entityPath,
  view,
  today,
}: {
  title: string;
  message: string;
  backTo: string;
  backLabel: string;
  entityPath: string;
  view: AsOfView | null;
  today: string;
}) {
  return (
    <div className="space-y-4">
      <BackLink to={backTo}>{backLabel}</BackLink>
      <PageHeading title={title}>{title}</PageHeading>
      <p role="alert" className="max-w-2xl text-slate-700">
        {message}
      </p>
      <AsOfPicker entityPath={entityPath} view={view} today={today} />
    </div>
  );
}
