import { errorMessage } from '../../trpc/errors.ts';
import { trpc } from '../../trpc/trpc.ts';
import { Button } from '../../ui/button.tsx';
import { Dialog } from '../../ui/dialog.tsx';
import { type ApiToken, prefixDisplay } from './api-token-values.ts';
import { useRefreshApiTokens } from './use-refresh-api-tokens.ts';

type RevokeApiTokenDialogProps = {
  apiToken: ApiToken | undefined;
  onClose: () => void;
  onDone: (apiToken: ApiToken) => void;
};

/** Confirms that a token stops working; it stays listed as revoked. */
export function RevokeApiTokenDialog({ apiToken, onClose, onDone }: RevokeApiTokenDialogProps) {
  const refresh = useRefreshApiTokens();
  const revoke = trpc.apiTokens.revoke.useMutation({
    onSuccess: async (done) => {
      await refresh();
      onDone(done);
    },
  });
  const close = () => {
    revoke.reset();
    onClose();
  };
  return (
    <Dialog
      open={apiToken !== undefined}
      onClose={close}
      title={`Revoke ${apiToken?.name ?? 'this token'}?`}
      description={
        apiToken && (
          <>
            Anything still using{' '}
            <code className="font-mono text-slate-800">{prefixDisplay(apiToken.prefix)}</code> is
            refused from its next request. This cannot be undone.
          </>
        )
      }
    >
      <div className="space-y-5">
        {revoke.isError && (
          <p role="alert" className="text-sm text-red-700">
            {errorMessage(revoke.error)}
          </p>
        )}
        <div className="flex flex-col-reverse gap-3 sm:flex-row sm:justify-end">
          <Button variant="secondary" data-autofocus="" onClick={close}>
            Cancel
          </Button>
          <Button
            variant="danger"
            pending={revoke.isPending}
            onClick={() => apiToken && revoke.mutate({ id: apiToken.id })}
          >
            Revoke token
          </Button>
        </div>
      </div>
    </Dialog>
  );
}
