import { LoadErrorPanel, LoadingPanel } from '../../check-in/load-states.tsx';
import { useSignedInUser } from '../../session/session-store.ts';
import { trpc } from '../../trpc/trpc.ts';
import { PageHeading } from '../../ui/page-heading.tsx';
import { SuccessNotice } from '../../ui/success-notice.tsx';
import { usePageNotice } from '../use-page-notice.ts';
import { CheckpointSection } from './checkpoint-section.tsx';
import { DownloadSection } from './download-section.tsx';
import { VerifySection } from './verify-section.tsx';

/**
 * Admin → Audit integrity (issue 15): the company's tamper-evident log as an auditor would
 * check it: the latest signed checkpoint, signing one now, verifying the live log, and the
 * bundle to hand over.
 */
export function AuditIntegrityPage() {
  const timeZone = useSignedInUser().company.timezone;
  const notice = usePageNotice();
  const integrity = trpc.auditChain.integrity.useQuery();
  return (
    <div className="space-y-8">
      <div className="space-y-2">
        <PageHeading title="Audit integrity">Audit integrity</PageHeading>
        <p className="max-w-2xl text-slate-600">
          Every change in AEGIRA is an event in a hash chain, and the chain’s head is signed
          regularly. An auditor with the bundle and the public key can check on their own machine
          that the log is the one AEGIRA signed. Times are in {timeZone}.
        </p>
      </div>
      <SuccessNotice message={notice.message} onDismiss={notice.dismiss} />
      {integrity.data ? (
        <>
          <CheckpointSection
            integrity={integrity.data}
            timeZone={timeZone}
            onSigned={(message) => notice.announce(message)}
          />
          <VerifySection timeZone={timeZone} />
          <DownloadSection publicKey={integrity.data.publicKey} />
        </>
      ) : integrity.isError ? (
        <LoadErrorPanel
          title="We could not load the audit integrity status."
          error={integrity.error}
          onRetry={() => void integrity.refetch()}
          retrying={integrity.isFetching}
        />
      ) : (
        <LoadingPanel label="Loading the audit integrity status…" />
      )}
    </div>
  );
}
