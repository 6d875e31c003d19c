import { useEffect, useId, useRef } from 'react';
import { Button } from '../../ui/button.tsx';
import { type CreatedApiToken, scopeLabels } from './api-token-values.ts';
import { TokenCopyField } from './token-copy-field.tsx';

type NewTokenPanelProps = {
  created: CreatedApiToken;
  /** Forgets the plain token: after this, nothing in the browser holds it. */
  onDismiss: () => void;
};

/** The one and only view of a new token's secret, with what to do with it. */
export function NewTokenPanel({ created, onDismiss }: NewTokenPanelProps) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  const headingId = useId();
  // The dialog that created the token has just closed: bring keyboard and screen-reader
  // users here rather than back to the button that opened it.
  useEffect(() => {
    headingRef.current?.focus();
  }, []);

  return (
    <section
      aria-labelledby={headingId}
      className="space-y-4 rounded-xl border-2 border-amber-300 bg-amber-50 p-4 sm:p-6"
    >
      <div className="space-y-1">
        <h2
          id={headingId}
          ref={headingRef}
          tabIndex={-1}
          className="text-lg font-semibold text-slate-900 focus:outline-none"
        >
          Copy the token for {created.apiToken.name}
        </h2>
        <p className="text-sm text-slate-700">Scope: {scopeLabels[created.apiToken.scope]}</p>
      </div>
      <p className="flex gap-2 font-medium text-amber-900">
        <span aria-hidden="true">⚠</span>
        This token is shown only once. Store it now; AEGIRA keeps only a hash.
      </p>
      <TokenCopyField token={created.token} />
      <p className="text-sm text-slate-700">
        Send it in the header{' '}
        <code className="rounded bg-white px-1 py-0.5 font-mono text-xs text-slate-900 ring-1 ring-slate-200">
          Authorization: Bearer &lt;token&gt;
        </code>
        , or pass it as <code className="font-mono text-xs text-slate-900">token</code> to{' '}
        <code className="font-mono text-xs text-slate-900">createAegiraClient</code> from the{' '}
        <code className="font-mono text-xs text-slate-900">@aegira/sdk</code> package.
      </p>
      <Button variant="secondary" onClick={onDismiss}>
        I have stored it
      </Button>
    </section>
  );
}
