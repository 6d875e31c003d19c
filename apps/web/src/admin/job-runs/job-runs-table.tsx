import { Badge } from '../../ui/badge.tsx';
import { DataTable, rowClassName, tdClassName, thClassName } from '../../ui/table.tsx';
import { formatInstant } from '../format-instant.ts';
import type { JobRun } from './job-run-types.ts';
import { describeCounts, jobLabel, outcomeViews, runDuration } from './job-run-wording.ts';

export function JobRunsTable({ runs, timeZone }: { runs: readonly JobRun[]; timeZone: string }) {
  return (
    <DataTable
      caption="Job runs, newest first"
      head={
        <tr>
          <th scope="col" className={thClassName}>
            Job
          </th>
          <th scope="col" className={thClassName}>
            Started
          </th>
          <th scope="col" className={thClassName}>
            Finished
          </th>
          <th scope="col" className={thClassName}>
            Outcome
          </th>
          <th scope="col" className={thClassName}>
            Counts
          </th>
          <th scope="col" className={thClassName}>
            Error
          </th>
        </tr>
      }
    >
      {runs.map((run) => {
        const outcome = outcomeViews[run.outcome];
        const duration = runDuration(run);
        const counts = describeCounts(run.counts);
        return (
          <tr key={run.id} className={rowClassName}>
            <td className={tdClassName}>
              <span className="block font-medium text-slate-900">{jobLabel(run.job)}</span>
              <code className="text-xs break-all text-slate-500">{run.job}</code>
            </td>
            <td className={`${tdClassName} whitespace-nowrap`}>
              <time dateTime={run.startedAt}>{formatInstant(run.startedAt, timeZone)}</time>
            </td>
            <td className={`${tdClassName} whitespace-nowrap`}>
              {run.finishedAt ? (
                <>
                  <time dateTime={run.finishedAt}>{formatInstant(run.finishedAt, timeZone)}</time>
                  {duration && (
                    <span className="block text-xs text-slate-500">took {duration}</span>
                  )}
                </>
              ) : (
                <span className="text-slate-500">Not yet</span>
              )}
            </td>
            <td className={tdClassName}>
              <Badge tone={outcome.tone}>{outcome.label}</Badge>
            </td>
            <td className={`${tdClassName} min-w-36`}>
              {counts.length === 0 ? (
                <span className="text-slate-500">None</span>
              ) : (
                <ul className="space-y-0.5 text-xs text-slate-700">
                  {counts.map((line) => (
                    <li key={line}>{line}</li>
                  ))}
                </ul>
              )}
            </td>
            <td className={`${tdClassName} max-w-72 break-words`}>
              {run.error ? (
                <span className="text-red-800">{run.error}</span>
              ) : (
                <span className="text-slate-500">None</span>
              )}
            </td>
          </tr>
        );
      })}
    </DataTable>
  );
}
