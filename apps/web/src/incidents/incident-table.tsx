import { formatInstant } from '../admin/format-instant.ts';
import { Link } from '../router/link.tsx';
import { Badge } from '../ui/badge.tsx';
import { ERASED_TEXT } from '../ui/erased.ts';
import { textLinkClassName } from '../ui/link-styles.ts';
import { DataTable, rowClassName, tdClassName, thClassName } from '../ui/table.tsx';
import {
  caseStatusLabels,
  caseStatusTones,
  type Incident,
  incidentAddress,
  severityLabels,
  severityTones,
  statusLabels,
  statusTones,
  typeLabels,
} from './incident-wording.ts';

type Row = Omit<Incident, 'timeZone'>;

/** Reports with their states (and their cases'), dated on the company's clock. */
export function IncidentTable({
  caption,
  incidents,
  timeZone,
  showReporter,
}: {
  caption: string;
  incidents: readonly Row[];
  timeZone: string;
  showReporter: boolean;
}) {
  return (
    <DataTable
      caption={caption}
      scrollable
      head={
        <tr>
          <th scope="col" className={thClassName}>
            Reference
          </th>
          <th scope="col" className={thClassName}>
            Title
          </th>
          <th scope="col" className={thClassName}>
            Severity
          </th>
          <th scope="col" className={thClassName}>
            Happened ({timeZone})
          </th>
          {showReporter && (
            <th scope="col" className={thClassName}>
              Reporter
            </th>
          )}
          <th scope="col" className={thClassName}>
            State
          </th>
        </tr>
      }
    >
      {incidents.map((incident) => (
        <tr key={incident.id} className={rowClassName}>
          <td className={tdClassName}>
            <Link to={incidentAddress({ id: incident.id })} className={textLinkClassName}>
              {incident.reference}
            </Link>
          </td>
          <td className={tdClassName}>
            <span className="block font-medium text-slate-900">
              {incident.title ?? ERASED_TEXT}
            </span>
            <span className="text-xs text-slate-500">{typeLabels[incident.type]}</span>
          </td>
          <td className={tdClassName}>
            <Badge tone={severityTones[incident.severity]}>
              {severityLabels[incident.severity]}
            </Badge>
          </td>
          <td className={tdClassName}>{formatInstant(incident.occurredAt, timeZone)}</td>
          {showReporter && <td className={tdClassName}>{incident.reporter.name}</td>}
          <td className={tdClassName}>
            <span className="flex flex-wrap gap-1">
              <Badge tone={statusTones[incident.status]}>{statusLabels[incident.status]}</Badge>
              {incident.case && (
                <Badge tone={caseStatusTones[incident.case.status]}>
                  {incident.case.reference}: {caseStatusLabels[incident.case.status]}
                </Badge>
              )}
            </span>
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
