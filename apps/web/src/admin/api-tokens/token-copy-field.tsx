import { useId, useRef, useState } from 'react';
import { Button } from '../../ui/button.tsx';
import { cx } from '../../ui/class-names.ts';
import { controlClassName } from '../../ui/field-ids.ts';
import { type CopyOutcome, copyText } from './api-token-values.ts';

const outcomeMessages: Record<CopyOutcome, string> = {
  copied: 'Copied to the clipboard.',
  unavailable:
    'This browser does not let the page copy. The token is selected: copy it with Ctrl+C (⌘C on a Mac).',
  failed: 'The browser refused to copy. The token is selected: copy it with Ctrl+C (⌘C on a Mac).',
};

/** The plain token, read-only and selected on focus, with a Copy button beside it. */
export function TokenCopyField({ token }: { token: string }) {
  const inputRef = useRef<HTMLInputElement>(null);
  const [outcome, setOutcome] = useState<CopyOutcome | null>(null);
  const id = useId();

  const copy = async () => {
    // navigator.clipboard is missing on insecure origins, whatever the DOM types say.
    const clipboard: Clipboard | undefined = window.isSecureContext
      ? navigator.clipboard
      : undefined;
    const result = await copyText(token, clipboard);
    setOutcome(result);
    if (result !== 'copied') inputRef.current?.select();
  };

  return (
    <div className="space-y-1.5">
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        Your new token
      </label>
      <div className="flex flex-col gap-2 sm:flex-row">
        <input
          ref={inputRef}
          id={id}
          readOnly
          value={token}
          spellCheck={false}
          autoComplete="off"
          onFocus={(event) => event.currentTarget.select()}
          className={cx(controlClassName, 'min-w-0 flex-1 font-mono text-xs sm:text-sm')}
        />
        <Button onClick={() => void copy()} className="shrink-0">
          Copy
        </Button>
      </div>
      <p role="status" className="min-h-5 text-sm text-slate-700">
        {outcome && outcomeMessages[outcome]}
      </p>
    </div>
  );
}
