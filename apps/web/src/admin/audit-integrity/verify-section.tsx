import { errorMessage } from '../../trpc/errors.ts';
import { trpc } from '../../trpc/trpc.ts';
import { Button } from '../../ui/button.tsx';
import { FormAlert } from '../../ui/form-alert.tsx';
import { DetailSection } from '../detail-section.tsx';
import { formatInstant } from '../format-instant.ts';
import { isVerifyActive, type VerifyRun, verifyPercent, verifySummary } from './verify-wording.ts';

/** How often a run under way is asked for its progress. */
const POLL_MS = 1000;

function RunResult({ run, timeZone }: { run: VerifyRun; timeZone: string }) {
  const percent = verifyPercent(run);
  const active = isVerifyActive(run);
  const tone =
    run.state === 'intact'
      ? 'border-emerald-200 bg-emerald-50 text-emerald-900'
      : run.state === 'broken' || run.state === 'failed'
        ? 'border-red-200 bg-red-50 text-red-900'
        : 'border-slate-200 bg-white text-slate-800';
  return (
    <div
      className={`space-y-2 rounded-xl border px-4 py-4 text-sm ${tone}`}
      role={run.state === 'broken' || run.state === 'failed' ? 'alert' : 'status'}
    >
      <p className="font-medium">{verifySummary(run)}</p>
      {active && (
        <progress
          className="h-2 w-full"
          aria-label="Verification progress"
          max={100}
          {...(percent === null ? {} : { value: percent })}
        />
      )}
      {run.message && !active && <p>{run.message}</p>}
      <p className="text-xs text-slate-600">
        Started {formatInstant(run.startedAt, timeZone)}
        {run.finishedAt && `, finished ${formatInstant(run.finishedAt, timeZone)}`}.
      </p>
    </div>
  );
}

export function VerifySection({ timeZone }: { timeZone: string }) {
  const utils = trpc.useUtils();
  const status = trpc.auditChain.verifyStatus.useQuery(
    {},
    { refetchInterval: (query) => (isVerifyActive(query.state.data?.run) ? POLL_MS : false) },
  );
  const start = trpc.auditChain.startVerify.useMutation({
    onSuccess: (run) => utils.auditChain.verifyStatus.setData({}, { run }),
  });
  const run = status.data?.run ?? null;
  return (
    <DetailSection
      title="Verify the live log"
      actions={
        <Button
          variant="secondary"
          pending={start.isPending || isVerifyActive(run)}
          onClick={() => start.mutate()}
        >
          Verify live log
        </Button>
      }
    >
      {() => (
        <div className="space-y-3">
          <p className="max-w-2xl text-sm text-slate-600">
            Checks every event against its link, the chain from the first event to the last, and
            every checkpoint’s signature — as an auditor’s verifier does with a bundle.
          </p>
          <FormAlert message={start.isError ? errorMessage(start.error) : null} />
          {status.isError && !status.data ? (
            <p role="alert" className="text-sm text-red-700">
              Could not load the last verification. {errorMessage(status.error)}
            </p>
          ) : run ? (
            <RunResult run={run} timeZone={timeZone} />
          ) : status.isPending ? null : (
            <p className="text-sm text-slate-600">The live log has not been verified yet.</p>
          )}
        </div>
      )}
    </DetailSection>
  );
}
