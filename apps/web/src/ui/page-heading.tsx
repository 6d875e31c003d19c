import { type ReactNode, useEffect, useRef } from 'react';
import { takePendingFocus } from '../router/history.ts';
import { cx } from './class-names.ts';

type PageHeadingProps = {
  children: ReactNode;
  /** The document title, e.g. "People" → "People · AEGIRA". */
  title: string;
  className?: string;
};

/** The page's <h1>: names the browser tab and takes focus after client-side navigation. */
export function PageHeading({ children, title, className }: PageHeadingProps) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} · AEGIRA`;
    if (takePendingFocus()) ref.current?.focus();
  }, [title]);
  return (
    <h1
      ref={ref}
      tabIndex={-1}
      className={cx(
        'text-2xl font-semibold tracking-tight text-slate-900 focus:outline-none',
        className,
      )}
    >
      {children}
    </h1>
  );
}
