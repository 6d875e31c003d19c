import { secondaryLinkClassName } from '../../ui/link-styles.ts';
import { DetailSection } from '../detail-section.tsx';

/** Served by the API (apps/api/src/modules/audit-chain/bundle-route.ts), streamed as a file. */
export const AUDIT_BUNDLE_URL = '/api/audit-chain/bundle';

export function DownloadSection({ publicKey }: { publicKey: string | null }) {
  return (
    <DetailSection
      title="Bundle for an auditor"
      actions={
        <a href={AUDIT_BUNDLE_URL} download className={secondaryLinkClassName}>
          Download bundle
        </a>
      }
    >
      {() => (
        <div className="max-w-2xl space-y-2 text-sm text-slate-600">
          <p>
            Every event, its link and every signed checkpoint, one JSON line each. Passwords, tokens
            and health details are replaced by their digests; the chain still verifies. The auditor
            runs <code className="font-mono text-xs">pnpm audit:verify</code> on it with the public
            key below, given to them separately.
          </p>
          {publicKey && (
            <p className="break-all">
              Public key: <code className="font-mono text-xs text-slate-900">{publicKey}</code>
            </p>
          )}
        </div>
      )}
    </DetailSection>
  );
}
