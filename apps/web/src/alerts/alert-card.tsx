import { formatLocalDate, formatTimeIn } from '../check-in/format.ts';
import { LevelBadge } from '../check-in/level-badge.tsx';
import { Link } from '../router/link.tsx';
import { Badge } from '../ui/badge.tsx';
import { Button } from '../ui/button.tsx';
import { ERASED_TEXT } from '../ui/erased.ts';
import { textLinkClassName } from '../ui/link-styles.ts';
import type { Alert } from './alert-types.ts';
import { countermeasureLabels } from './alert-wording.ts';
import { RecordCountermeasureForm } from './record-countermeasure-form.tsx';

type AlertCardProps = {
  alert: Alert;
  timeZone: string;
  /** Shown on a team's list; a worker's own page leaves their name out. */
  showWorker: boolean;
  workerPath: ((personId: string) => string) | undefined;
  canAct: boolean;
  recording: boolean;
  onRecord: () => void;
  onCancel: () => void;
  onRecorded: (alert: Alert) => void;
};

function StatusBadge({ alert, timeZone }: { alert: Alert; timeZone: string }) {
  if (alert.state === 'handled') return <Badge tone="green">Handled</Badge>;
  if (alert.escalatedAt) {
    return <Badge tone="red">Escalated at {formatTimeIn(alert.escalatedAt, timeZone)}</Badge>;
  }
  return <Badge tone="amber">Open</Badge>;
}

/** One alert: who, when, how ready, and what was done about it. */
export function AlertCard({
  alert,
  timeZone,
  showWorker,
  workerPath,
  canAct,
  recording,
  onRecord,
  onCancel,
  onRecorded,
}: AlertCardProps) {
  const title = `${formatLocalDate(alert.localDate, 'long')} · raised ${formatTimeIn(alert.raisedAt, timeZone)}`;
  return (
    <li>
      <article
        aria-label={`Alert for ${alert.personName}, ${formatLocalDate(alert.localDate, 'long')}`}
        className="space-y-3 rounded-xl border border-slate-200 bg-white p-4 shadow-sm"
      >
        <div className="flex flex-wrap items-center justify-between gap-3">
          <div className="space-y-1">
            {showWorker && (
              <p className="font-medium text-slate-900">
                {workerPath ? (
                  <Link to={workerPath(alert.personId)} className={textLinkClassName}>
                    {alert.personName}
                  </Link>
                ) : (
                  alert.personName
                )}
              </p>
            )}
            <p className="text-sm text-slate-600">{title}</p>
          </div>
          <div className="flex flex-wrap items-center gap-2">
            <LevelBadge level={alert.readinessLevel} />
            <span className="text-sm text-slate-700">
              Readiness {alert.readinessScore} · pain{' '}
              {alert.painLevel === null ? ERASED_TEXT : `${alert.painLevel}/10`}
            </span>
            <StatusBadge alert={alert} timeZone={timeZone} />
          </div>
        </div>
        {alert.countermeasures.length > 0 ? (
          <ul aria-label="Countermeasures" className="space-y-2">
            {alert.countermeasures.map((measure) => (
              <li key={measure.id} className="rounded-lg bg-slate-50 px-3 py-2 text-sm">
                <p className="font-medium text-slate-900">
                  {countermeasureLabels[measure.type]}
                  <span className="font-normal text-slate-600">
                    {' '}
                    · {measure.recordedByName}, {formatTimeIn(measure.recordedAt, timeZone)}
                  </span>
                </p>
                <p className="whitespace-pre-line text-slate-700">{measure.note ?? ERASED_TEXT}</p>
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-sm text-slate-600">No countermeasure recorded yet.</p>
        )}
        {canAct &&
          (recording ? (
            <RecordCountermeasureForm alert={alert} onRecorded={onRecorded} onCancel={onCancel} />
          ) : (
            <Button variant="secondary" onClick={onRecord}>
              Record countermeasure
            </Button>
          ))}
      </article>
    </li>
  );
}
