import type { ButtonHTMLAttributes } from 'react';
import { cx } from './class-names.ts';
import { Spinner } from './spinner.tsx';

type ButtonProps = ButtonHTMLAttributes<HTMLButtonElement> & {
  variant?: 'primary' | 'secondary' | 'danger';
  /** Shows a spinner and ignores clicks while keeping focus and the accessible name. */
  pending?: boolean;
};

const variants = {
  primary:
    'bg-teal-700 text-white shadow-sm hover:bg-teal-800 focus-visible:outline-teal-700 aria-disabled:bg-teal-700/70',
  secondary:
    'bg-white text-slate-800 shadow-sm ring-1 ring-slate-300 ring-inset hover:bg-slate-50 focus-visible:outline-teal-700',
  /** Confirms something hard to take back, such as a deactivation. */
  danger:
    'bg-red-700 text-white shadow-sm hover:bg-red-800 focus-visible:outline-red-700 aria-disabled:bg-red-700/70',
} as const;

export function Button({
  variant = 'primary',
  pending = false,
  type = 'button',
  className,
  children,
  onClick,
  ...rest
}: ButtonProps) {
  return (
    <button
      type={type}
      aria-disabled={pending || undefined}
      onClick={(event) => {
        if (pending) {
          event.preventDefault();
          return;
        }
        onClick?.(event);
      }}
      className={cx(
        'inline-flex items-center justify-center gap-2 rounded-lg px-4 py-2.5 text-sm font-semibold transition-colors',
        'focus-visible:outline-2 focus-visible:outline-offset-2 aria-disabled:cursor-wait',
        variants[variant],
        className,
      )}
      {...rest}
    >
      {pending && <Spinner className="size-4" />}
      {children}
    </button>
  );
}
