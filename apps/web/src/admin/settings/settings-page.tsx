import { LoadErrorPanel, LoadingPanel } from '../../check-in/load-states.tsx';
import { trpc } from '../../trpc/trpc.ts';
import { PageHeading } from '../../ui/page-heading.tsx';
import { SuccessNotice } from '../../ui/success-notice.tsx';
import { usePageNotice } from '../use-page-notice.ts';
import { SettingsForm } from './settings-form.tsx';
import { SignInLink } from './sign-in-link.tsx';

export function SettingsPage() {
  const notice = usePageNotice();
  const company = trpc.company.get.useQuery();
  return (
    <div className="space-y-6">
      <div className="space-y-2">
        <PageHeading title="Settings">Company settings</PageHeading>
        <p className="max-w-2xl text-slate-600">
          Your company’s name and the timezone its working days are counted in.
        </p>
      </div>
      <SuccessNotice message={notice.message} onDismiss={notice.dismiss} />
      {company.data && <SignInLink slug={company.data.slug} />}
      {company.data ? (
        <SettingsForm
          key={`${company.data.name}|${company.data.timezone}`}
          company={company.data}
          onSaved={(message) => notice.announce(message)}
        />
      ) : company.isError ? (
        <LoadErrorPanel
          title="We could not load the company settings."
          error={company.error}
          onRetry={() => void company.refetch()}
          retrying={company.isFetching}
        />
      ) : (
        <LoadingPanel label="Loading the company settings…" />
      )}
    </div>
  );
}
