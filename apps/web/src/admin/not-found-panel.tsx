import { PageHeading } from '../ui/page-heading.tsx';
import { BackLink } from './back-link.tsx';

/** A person, team or address that does not exist (or not for this company). */
export function NotFoundPanel({
  title,
  backTo,
  backLabel,
}: {
  title: string;
  backTo: string;
  backLabel: string;
}) {
  return (
    <div className="space-y-4">
      <BackLink to={backTo}>{backLabel}</BackLink>
      <PageHeading title={title}>{title}</PageHeading>
      <p className="text-slate-600">It may have been mistyped, or it belongs to another company.</p>
    </div>
  );
}
