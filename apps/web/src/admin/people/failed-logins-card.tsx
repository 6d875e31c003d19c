import { useSignedInUser } from '../../session/session-store.ts';
import { trpc } from '../../trpc/trpc.ts';
import { formatInstant } from '../format-instant.ts';

/**
 * Failed logins per person over the last 24 hours (issue 11: admins see failed-login counts).
 * A quiet card: it says so when there were none, and stays out of the way if it cannot load.
 */
export function FailedLoginsCard() {
  const report = trpc.people.failedLogins.useQuery({ hours: 24 });
  const timeZone = useSignedInUser().company.timezone;
  return (
    <section
      aria-labelledby="failed-logins-heading"
      className="rounded-xl bg-white p-4 shadow-sm ring-1 ring-slate-200"
    >
      <h2 id="failed-logins-heading" className="text-base font-semibold text-slate-900">
        Failed logins, last 24 hours
      </h2>
      {report.isError ? (
        <p className="mt-2 text-sm text-slate-600">Failed logins could not be loaded.</p>
      ) : !report.data ? (
        <p className="mt-2 text-sm text-slate-600">Loading failed logins…</p>
      ) : report.data.items.length === 0 ? (
        <p className="mt-2 text-sm text-slate-600">No failed logins.</p>
      ) : (
        <ul className="mt-2 divide-y divide-slate-100 text-sm">
          {report.data.items.map((item) => (
            <li key={item.personId} className="flex flex-wrap justify-between gap-2 py-2">
              <span className="font-medium text-slate-900">
                {item.name} <span className="font-normal text-slate-600">({item.email})</span>
              </span>
              <span className="text-slate-700">
                {item.failures} {item.failures === 1 ? 'failure' : 'failures'}, last{' '}
                <time dateTime={item.lastFailedAt}>
                  {formatInstant(item.lastFailedAt, timeZone)}
                </time>
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
