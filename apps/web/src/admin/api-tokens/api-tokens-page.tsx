import { useState } from 'react';
import { LoadErrorPanel, LoadingPanel } from '../../check-in/load-states.tsx';
import { useSignedInUser } from '../../session/session-store.ts';
import { trpc } from '../../trpc/trpc.ts';
import { Button } from '../../ui/button.tsx';
import { EmptyState } from '../../ui/empty-state.tsx';
import { PageHeading } from '../../ui/page-heading.tsx';
import { SuccessNotice } from '../../ui/success-notice.tsx';
import { usePageNotice } from '../use-page-notice.ts';
import type { ApiToken, CreatedApiToken } from './api-token-values.ts';
import { ApiTokensTable } from './api-tokens-table.tsx';
import { CreateApiTokenDialog } from './create-api-token-dialog.tsx';
import { NewTokenPanel } from './new-token-panel.tsx';
import { RevokeApiTokenDialog } from './revoke-api-token-dialog.tsx';

export function ApiTokensPage() {
  const notice = usePageNotice();
  const [creating, setCreating] = useState(false);
  // The plain token lives here only: leaving the page or dismissing the panel forgets it.
  const [created, setCreated] = useState<CreatedApiToken | null>(null);
  const [revoking, setRevoking] = useState<ApiToken | undefined>();
  const apiTokens = trpc.apiTokens.list.useQuery();
  // Every date in AEGIRA is on the company's clock, whatever the browser's.
  const timeZone = useSignedInUser().company.timezone;

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div className="space-y-2">
          <PageHeading title="API tokens">API tokens</PageHeading>
          <p className="max-w-2xl text-slate-600">
            Tokens let internal scripts and services call AEGIRA. Each acts as the admin who created
            it, within its scope; revoke it as soon as it is no longer needed. Dates are in the
            company’s time zone, {timeZone}.
          </p>
        </div>
        <Button onClick={() => setCreating(true)}>Create token</Button>
      </div>
      <SuccessNotice message={notice.message} onDismiss={notice.dismiss} />
      {created && <NewTokenPanel created={created} onDismiss={() => setCreated(null)} />}
      {apiTokens.data ? (
        apiTokens.data.items.length === 0 ? (
          <EmptyState title="No API tokens yet">
            Create one for each script or service that calls AEGIRA, so each can be revoked on its
            own.
          </EmptyState>
        ) : (
          <ApiTokensTable
            apiTokens={apiTokens.data.items}
            timeZone={timeZone}
            onRevoke={setRevoking}
          />
        )
      ) : apiTokens.isError ? (
        <LoadErrorPanel
          title="We could not load the API tokens."
          error={apiTokens.error}
          onRetry={() => void apiTokens.refetch()}
          retrying={apiTokens.isFetching}
        />
      ) : (
        <LoadingPanel label="Loading API tokens…" />
      )}
      <CreateApiTokenDialog
        key={creating ? 'open' : 'closed'}
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(result) => {
          setCreating(false);
          setCreated(result);
          notice.announce(`${result.apiToken.name} is created.`);
        }}
      />
      <RevokeApiTokenDialog
        apiToken={revoking}
        onClose={() => setRevoking(undefined)}
        onDone={(apiToken) => {
          setRevoking(undefined);
          if (created?.apiToken.id === apiToken.id) setCreated(null);
          notice.announce(`${apiToken.name} is revoked.`);
        }}
      />
    </div>
  );
}
