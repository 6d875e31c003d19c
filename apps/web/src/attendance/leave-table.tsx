import { formatInstant } from '../admin/format-instant.ts';
import { Badge } from '../ui/badge.tsx';
import { Button } from '../ui/button.tsx';
import { DataTable, rowClassName, tdClassName, thClassName } from '../ui/table.tsx';
import type { Leave } from './attendance-types.ts';
import { leaveTypeLabels } from './leave-types.ts';
import {
  canCancelLeave,
  formatLeaveRange,
  leaveStatus,
  leaveStatusViews,
} from './leave-wording.ts';

type LeaveTableProps = {
  leaves: readonly Leave[];
  today: string;
  timeZone: string;
  canManage: boolean;
  onCancel: (leave: Leave) => void;
};

export function LeaveTable({ leaves, today, timeZone, canManage, onCancel }: LeaveTableProps) {
  return (
    <DataTable
      caption="Leave, latest first"
      head={
        <tr>
          <th scope="col" className={thClassName}>
            Dates
          </th>
          <th scope="col" className={thClassName}>
            Type
          </th>
          <th scope="col" className={thClassName}>
            Status
          </th>
          <th scope="col" className={thClassName}>
            Note
          </th>
          <th scope="col" className={`${thClassName} hidden md:table-cell`}>
            Recorded
          </th>
          {canManage && (
            <th scope="col" className={`${thClassName} text-right`}>
              <span className="sr-only">Actions</span>
            </th>
          )}
        </tr>
      }
    >
      {leaves.map((leave) => {
        const status = leaveStatus(leave, today);
        const view = leaveStatusViews[status];
        const range = formatLeaveRange(leave.startDate, leave.endDate);
        return (
          <tr key={leave.id} className={rowClassName}>
            <td className={`${tdClassName} min-w-48 font-medium text-slate-900`}>{range}</td>
            <td className={`${tdClassName} whitespace-nowrap`}>{leaveTypeLabels[leave.type]}</td>
            <td className={tdClassName}>
              <Badge tone={view.tone}>{view.label}</Badge>
              {leave.cancelledAt && (
                <p className="mt-1 text-xs text-slate-500">
                  {formatInstant(leave.cancelledAt, timeZone)}
                </p>
              )}
            </td>
            <td className={`${tdClassName} max-w-64 break-words`}>
              {leave.note ?? <span className="text-slate-500">None</span>}
            </td>
            <td className={`${tdClassName} hidden whitespace-nowrap md:table-cell`}>
              {formatInstant(leave.createdAt, timeZone)}
            </td>
            {canManage && (
              <td className={`${tdClassName} text-right`}>
                {canCancelLeave(status) && (
                  <Button
                    variant="secondary"
                    className="px-3 py-1.5 text-xs"
                    aria-label={`Cancel the leave of ${range}`}
                    aria-haspopup="dialog"
                    onClick={() => onCancel(leave)}
                  >
                    Cancel
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
