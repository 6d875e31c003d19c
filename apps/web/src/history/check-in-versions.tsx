import { useId } from 'react';
import { CheckInAnswers } from '../check-in/check-in-answers.tsx';
import type { CheckInVersion } from '../check-in/check-in-types.ts';
import { formatFactorScore, formatTimeIn } from '../check-in/format.ts';
import { LoadErrorPanel, LoadingPanel } from '../check-in/load-states.tsx';
import { factorBreakdown } from '../check-in/readiness-display.ts';
import { ReadinessScore } from '../check-in/readiness-score.tsx';
import { trpc } from '../trpc/trpc.ts';

type CheckInVersionsProps = { checkInId: string; timeZone: string };

/** Every version of one check-in, the original first, so an amendment never hides what was said. */
export function CheckInVersions({ checkInId, timeZone }: CheckInVersionsProps) {
  const detail = trpc.checkIn.get.useQuery({ id: checkInId });
  if (detail.isPending) return <LoadingPanel label="Loading its versions…" />;
  if (detail.isError) {
    return (
      <LoadErrorPanel
        title="We could not load this check-in’s versions."
        error={detail.error}
        onRetry={() => void detail.refetch()}
        retrying={detail.isFetching}
      />
    );
  }
  const { versions } = detail.data;
  return (
    <ol className="space-y-4">
      {versions.map((version, index) => (
        <li key={version.version}>
          <VersionCard
            version={version}
            timeZone={timeZone}
            current={index === versions.length - 1}
          />
        </li>
      ))}
    </ol>
  );
}

function VersionCard({
  version,
  timeZone,
  current,
}: {
  version: CheckInVersion;
  timeZone: string;
  current: boolean;
}) {
  const headingId = useId();
  const kind = version.type === 'CHECK_IN_SUBMITTED' ? 'Submitted' : 'Amended';
  return (
    <section
      aria-labelledby={headingId}
      className="space-y-3 rounded-xl bg-slate-50 p-4 ring-1 ring-slate-200"
    >
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h4 id={headingId} className="text-sm font-semibold text-slate-900">
          Version {version.version}
          <span className="font-normal text-slate-600">
            {' '}
            · {kind} at {formatTimeIn(version.recordedAt, timeZone)}
            {current && ' · current'}
          </span>
        </h4>
        <ReadinessScore scores={version.scores} size="small" />
      </div>
      <p className="text-xs text-slate-600">
        {factorBreakdown(version.scores)
          .map((factor) => `${factor.label} ${formatFactorScore(factor.score)}`)
          .join(' · ')}
      </p>
      <CheckInAnswers inputs={version.inputs} wide />
    </section>
  );
}
