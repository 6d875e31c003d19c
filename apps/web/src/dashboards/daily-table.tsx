import { formatLocalDate } from '../check-in/format.ts';
import { DataTable, rowClassName, tdClassName, thClassName } from '../ui/table.tsx';
import { type AnalyticsDay, formatAverage, formatPercent } from './dashboard-values.ts';

const numberCell = `${tdClassName} tabular-nums`;

/** Every day of a period, newest first: the figures behind both charts. */
export function DailyTable({ days, caption }: { days: readonly AnalyticsDay[]; caption: string }) {
  return (
    <DataTable
      scrollable
      caption={caption}
      head={
        <tr>
          {[
            'Date',
            'Expected',
            'Submitted',
            'Compliance',
            'Average readiness',
            'Green',
            'Yellow',
            'Red',
            'Late',
            'Average submit time',
          ].map((label) => (
            <th key={label} scope="col" className={thClassName}>
              {label}
            </th>
          ))}
        </tr>
      }
    >
      {[...days].reverse().map((day) => (
        <tr key={day.date} className={rowClassName}>
          <th scope="row" className={`${tdClassName} font-medium whitespace-nowrap`}>
            {formatLocalDate(day.date)}
          </th>
          <td className={numberCell}>{day.expected}</td>
          <td className={numberCell}>{day.submitted}</td>
          <td className={numberCell}>{formatPercent(day.compliance)}</td>
          <td className={numberCell}>{formatAverage(day.averageReadiness)}</td>
          <td className={numberCell}>{day.levels.GREEN}</td>
          <td className={numberCell}>{day.levels.YELLOW}</td>
          <td className={numberCell}>{day.levels.RED}</td>
          <td className={numberCell}>{day.late}</td>
          <td className={numberCell}>{day.averageSubmitTime ?? '—'}</td>
        </tr>
      ))}
    </DataTable>
  );
}
