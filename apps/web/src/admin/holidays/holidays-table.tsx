import { ActiveBadge } from '../../ui/badge.tsx';
import { Button } from '../../ui/button.tsx';
import { DataTable, rowClassName, tdClassName, thClassName } from '../../ui/table.tsx';
import { type Holiday, holidayWhen } from './holiday-values.ts';

type HolidaysTableProps = {
  holidays: readonly Holiday[];
  showStatus: boolean;
  onEdit: (holiday: Holiday) => void;
  onDeactivate: (holiday: Holiday) => void;
};

const smallButton = 'px-3 py-1.5 text-xs';

export function HolidaysTable({ holidays, showStatus, onEdit, onDeactivate }: HolidaysTableProps) {
  return (
    <DataTable
      caption="Company holidays"
      head={
        <tr>
          <th scope="col" className={thClassName}>
            Date
          </th>
          <th scope="col" className={thClassName}>
            Name
          </th>
          {showStatus && (
            <th scope="col" className={thClassName}>
              Status
            </th>
          )}
          <th scope="col" className={`${thClassName} text-right`}>
            <span className="sr-only">Actions</span>
          </th>
        </tr>
      }
    >
      {holidays.map((holiday) => (
        <tr key={holiday.id} className={rowClassName}>
          <td className={`${tdClassName} sm:whitespace-nowrap`}>{holidayWhen(holiday)}</td>
          <td className={`${tdClassName} font-medium text-slate-900`}>{holiday.name}</td>
          {showStatus && (
            <td className={tdClassName}>
              <ActiveBadge active={holiday.isActive} />
            </td>
          )}
          <td className={`${tdClassName} text-right`}>
            {holiday.isActive && (
              <div className="flex flex-col items-end gap-2 sm:flex-row sm:justify-end">
                <Button
                  variant="secondary"
                  className={smallButton}
                  aria-label={`Edit ${holiday.name}`}
                  onClick={() => onEdit(holiday)}
                >
                  Edit
                </Button>
                <Button
                  variant="secondary"
                  className={smallButton}
                  aria-label={`Deactivate ${holiday.name}`}
                  onClick={() => onDeactivate(holiday)}
                >
                  Deactivate
                </Button>
              </div>
            )}
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
