import type { ReactNode } from 'react';
import { Logo } from '../ui/logo.tsx';
import { PageHeading } from '../ui/page-heading.tsx';

type AuthLayoutProps = {
  title: string;
  /** The browser tab's title, shorter than the heading. */
  documentTitle: string;
  subtitle: ReactNode;
  children: ReactNode;
  footer: ReactNode;
};

const promises = [
  'A one-minute daily check-in for every worker',
  'Live readiness for team leads and supervisors',
  'Every change kept for good, with a full audit trail',
];

/** The signed-out pages: a brand panel on wide screens and the form. */
export function AuthLayout({ title, documentTitle, subtitle, children, footer }: AuthLayoutProps) {
  return (
    <div className="flex min-h-full">
      <aside className="relative hidden w-2/5 max-w-xl flex-col justify-between overflow-hidden bg-linear-to-br from-teal-800 via-teal-700 to-cyan-800 p-12 text-teal-50 lg:flex">
        <Logo tone="light" className="text-lg" />
        <div className="space-y-6">
          <p className="text-3xl leading-tight font-semibold text-white">
            Is everyone fit for duty today?
          </p>
          <ul className="space-y-3 text-teal-100">
            {promises.map((promise) => (
              <li key={promise} className="flex gap-3">
                <span
                  aria-hidden="true"
                  className="mt-2 size-1.5 shrink-0 rounded-full bg-teal-200"
                />
                {promise}
              </li>
            ))}
          </ul>
        </div>
        <p className="text-sm text-teal-200">Workplace readiness, one check-in at a time.</p>
      </aside>
      <main className="flex flex-1 items-start justify-center px-4 py-10 sm:items-center sm:px-6">
        <div className="w-full max-w-lg space-y-8">
          <Logo className="lg:hidden" />
          <div className="space-y-2">
            <PageHeading title={documentTitle}>{title}</PageHeading>
            <p className="text-sm text-slate-600">{subtitle}</p>
          </div>
          {children}
          <div className="border-t border-slate-200 pt-6 text-sm text-slate-600">{footer}</div>
        </div>
      </main>
    </div>
  );
}
