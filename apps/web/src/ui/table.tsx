import type { ReactNode } from 'react';
import { cx } from './class-names.ts';

type DataTableProps = {
  /** Read by screen readers as the table's name. */
  caption: string;
  head: ReactNode;
  children: ReactNode;
  className?: string;
};

/**
 * A table in a card that scrolls sideways on narrow screens. Rows link to their detail
 * through a real link in the first cell, so Tab and Enter work without a mouse.
 */
export function DataTable({ caption, head, children, className }: DataTableProps) {
  return (
    <div
      className={cx(
        // relative: screen-reader-only text in cells is positioned absolutely, and must scroll
        // with the table instead of widening the page.
        'relative overflow-x-auto rounded-xl bg-white shadow-sm ring-1 ring-slate-200',
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
