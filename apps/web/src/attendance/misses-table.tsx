import { formatLocalDate } from '../check-in/format.ts';
import { Link } from '../router/link.tsx';
import { Badge } from '../ui/badge.tsx';
import { Button } from '../ui/button.tsx';
import { textLinkClassName } from '../ui/link-styles.ts';
import { DataTable, rowClassName, tdClassName, thClassName } from '../ui/table.tsx';
import type { Miss } from './attendance-types.ts';
import { describeSnapshot, missOutcome, missStateLabels, missStateTones } from './miss-wording.ts';

type MissesTableProps = {
  misses: readonly Miss[];
  timeZone: string;
  showWorker: boolean;
  canExcuse: boolean;
  workerPath: ((personId: string) => string) | undefined;
  nameOf: (personId: string) => string | null;
  onExcuse: (miss: Miss) => void;
};

export function MissesTable({
  misses,
  timeZone,
  showWorker,
  canExcuse,
  workerPath,
  nameOf,
  onExcuse,
}: MissesTableProps) {
  return (
    <DataTable
      caption="Missed check-ins, newest first"
      head={
        <tr>
          <th scope="col" className={thClassName}>
            Date
          </th>
          {showWorker && (
            <th scope="col" className={thClassName}>
              Worker
            </th>
          )}
          <th scope="col" className={thClassName}>
            State
          </th>
          <th scope="col" className={thClassName}>
            Snapshot
          </th>
          {canExcuse && (
            <th scope="col" className={`${thClassName} text-right`}>
              <span className="sr-only">Actions</span>
            </th>
          )}
        </tr>
      }
    >
      {misses.map((miss) => {
        const outcome = missOutcome(miss, timeZone, nameOf);
        const date = formatLocalDate(miss.localDate, 'long');
        return (
          <tr key={miss.id} className={rowClassName}>
            <td className={`${tdClassName} whitespace-nowrap font-medium text-slate-900`}>
              <time dateTime={miss.localDate}>{date}</time>
            </td>
            {showWorker && (
              <td className={tdClassName}>
                {workerPath ? (
                  <Link to={workerPath(miss.personId)} className={textLinkClassName}>
                    {miss.personName}
                  </Link>
                ) : (
                  <span className="font-medium text-slate-900">{miss.personName}</span>
                )}
              </td>
            )}
            <td className={`${tdClassName} min-w-48`}>
              <div className="space-y-1">
                <Badge tone={missStateTones[miss.state]}>{missStateLabels[miss.state]}</Badge>
                {outcome && <p className="text-xs text-slate-500">{outcome}</p>}
                {miss.state === 'excused' && miss.excuseReason && (
                  <p className="text-sm text-slate-700">Reason: {miss.excuseReason}</p>
                )}
              </div>
            </td>
            <td className={`${tdClassName} min-w-52`}>
              <ul className="space-y-0.5 text-xs text-slate-600">
                {describeSnapshot(miss.snapshot).map((line) => (
                  <li key={line}>{line}</li>
                ))}
              </ul>
            </td>
            {canExcuse && (
              <td className={`${tdClassName} text-right`}>
                {miss.state === 'open' && (
                  <Button
                    variant="secondary"
                    className="px-3 py-1.5 text-xs"
                    aria-label={`Excuse the miss of ${miss.personName} on ${date}`}
                    aria-haspopup="dialog"
                    onClick={() => onExcuse(miss)}
                  >
                    Excuse
                  </Button>
                )}
              </td>
            )}
          </tr>
        );
      })}
    </DataTable>
  );
}
