import { errorMessage } from '../../trpc/errors.ts';
import { trpc } from '../../trpc/trpc.ts';
import type { RouterOutputs } from '../../trpc/types.ts';
import { Button } from '../../ui/button.tsx';
import { EmptyState } from '../../ui/empty-state.tsx';
import { FormAlert } from '../../ui/form-alert.tsx';
import { DetailSection } from '../detail-section.tsx';
import { FactList } from '../fact-list.tsx';
import { formatInstant } from '../format-instant.ts';

type Integrity = RouterOutputs['auditChain']['integrity'];

const count = (value: number) => value.toLocaleString('en-GB');

/** A hash is long; its start names it well enough on screen (the title has all of it). */
function ShortHash({ value }: { value: string }) {
  return (
    <code title={value} className="font-mono text-xs">
      {value.slice(0, 16)}…
    </code>
  );
}

export function CheckpointSection({
  integrity,
  timeZone,
  onSigned,
}: {
  integrity: Integrity;
  timeZone: string;
  onSigned: (message: string) => void;
}) {
  const utils = trpc.useUtils();
  const sign = trpc.auditChain.signCheckpoint.useMutation({
    onSuccess: (result) => {
      utils.auditChain.integrity.setData(undefined, result.integrity);
      const sequence = result.integrity.checkpoint?.sequence ?? 0;
      onSigned(
        result.signed
          ? `Checkpoint ${count(sequence)} signed.`
          : `Nothing new to sign: checkpoint ${count(sequence)} already covers the log.`,
      );
    },
  });
  const { checkpoint } = integrity;
  return (
    <DetailSection
      title="Latest checkpoint"
      actions={
        <Button variant="secondary" pending={sign.isPending} onClick={() => sign.mutate()}>
          Sign checkpoint now
        </Button>
      }
    >
      {() => (
        <div className="space-y-3">
          <FormAlert message={sign.isError ? errorMessage(sign.error) : null} />
          {checkpoint ? (
            <FactList
              facts={[
                { label: 'Sequence', value: count(checkpoint.sequence) },
                { label: 'Signed', value: formatInstant(checkpoint.signedAt, timeZone) },
                { label: 'Head hash', value: <ShortHash value={checkpoint.headHash} /> },
                {
                  label: 'Key fingerprint',
                  value: <code className="font-mono text-xs">{checkpoint.keyId}</code>,
                },
                {
                  label: 'Sealed events',
                  value: `${count(integrity.sealed)} of ${count(integrity.events)}`,
                },
                { label: 'Checkpoints signed', value: count(integrity.checkpoints) },
              ]}
            />
          ) : (
            <EmptyState title="No checkpoint yet">
              A checkpoint is signed every hour once the log has events. {count(integrity.sealed)}{' '}
              of {count(integrity.events)} events are sealed so far; sign one now to start.
            </EmptyState>
          )}
          {integrity.signingKeyId === null ? (
            <p role="alert" className="text-sm text-red-700">
              No signing key is configured on the server (AEGIRA_AUDIT_KEY_FILE): checkpoints cannot
              be signed.
            </p>
          ) : (
            checkpoint &&
            checkpoint.keyId !== integrity.signingKeyId && (
              <p className="text-sm text-amber-800">
                The server now signs with key {integrity.signingKeyId}; this checkpoint was signed
                with an earlier key.
              </p>
            )
          )}
        </div>
      )}
    </DetailSection>
  );
}
