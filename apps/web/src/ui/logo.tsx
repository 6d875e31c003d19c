import { cx } from './class-names.ts';

/** The AEGIRA mark and word. The word is the accessible name. */
export function Logo({
  className,
  tone = 'dark',
}: {
  className?: string;
  tone?: 'dark' | 'light';
}) {
  return (
    <span
      className={cx(
        'inline-flex items-center gap-2 font-semibold tracking-wide',
        tone === 'dark' ? 'text-slate-900' : 'text-white',
        className,
      )}
    >
      <svg aria-hidden="true" viewBox="0 0 32 32" className="size-7 shrink-0">
        <path
          d="M16 2 4 7v8c0 7.2 5.1 13.3 12 15 6.9-1.7 12-7.8 12-15V7L16 2Z"
          className={tone === 'dark' ? 'fill-teal-700' : 'fill-white/15'}
        />
        <path
          d="m10.5 16.5 3.8 3.8 7.4-8.1"
          fill="none"
          strokeWidth="2.6"
          strokeLinecap="round"
          strokeLinejoin="round"
          className={tone === 'dark' ? 'stroke-white' : 'stroke-teal-100'}
        />
      </svg>
      AEGIRA
    </span>
  );
}
