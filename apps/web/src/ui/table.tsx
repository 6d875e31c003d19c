import type { ReactNode } from 'react';
import { cx } from './class-names.ts';

type DataTableProps = {
  /** Read by screen readers as the table's name. */
  caption: string;
  head: ReactNode;
  children: ReactNode;
  className?: string;
  /**
   * For tables wider than a phone (many columns): the scrolling box takes focus, named by
   * the caption, so keyboard users can scroll it too (WCAG 2.1.1).
   */
  scrollable?: boolean;
};

/**
 * A table in a card that scrolls sideways on narrow screens. Rows link to their detail
 * through a real link in the first cell, so Tab and Enter work without a mouse.
 */
export function DataTable({ caption, head, children, className, scrollable }: DataTableProps) {
  return (
    <div
      {...(scrollable ? { tabIndex: 0, role: 'region', 'aria-label': caption } : {})}
      className={cx(
        // relative: screen-reader-only text in cells is positioned absolutely, and must scroll
        // with the table instead of widening the page.
        'relative overflow-x-auto rounded-xl bg-white shadow-sm ring-1 ring-slate-200',
        scrollable && 'focus-visible:outline-2 focus-visible:outline-teal-700',
        className,
      )}
    >
      <table className="min-w-full divide-y divide-slate-200 text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-slate-50 text-xs font-semibold tracking-wide text-slate-600 uppercase">
          {head}
        </thead>
        <tbody className="divide-y divide-slate-100">{children}</tbody>
      </table>
    </div>
  );
}

export const thClassName = 'px-4 py-3 font-semibold whitespace-nowrap';
export const tdClassName = 'px-4 py-3 align-top text-slate-700';
export const rowClassName = 'hover:bg-slate-50 focus-within:bg-slate-50';
