import { Link } from '../router/link.tsx';
import { Logo } from '../ui/logo.tsx';
import { PageHeading } from '../ui/page-heading.tsx';

type NotFoundPageProps = {
  homePath: string;
  homeLabel: string;
  /** Outside the shell the page brings its own <main> and logo. */
  standalone?: boolean;
};

function NotFoundContent({ homePath, homeLabel }: Omit<NotFoundPageProps, 'standalone'>) {
  return (
    <div className="space-y-4">
      <p className="text-sm font-semibold text-teal-700">404</p>
      <PageHeading title="Page not found">Page not found</PageHeading>
      <p className="text-slate-600">
        There is no page at this address, or it is not available to you.
      </p>
      <Link
        to={homePath}
        className="inline-block font-medium text-teal-700 underline-offset-2 hover:underline"
      >
        {homeLabel}
      </Link>
    </div>
  );
}

export function NotFoundPage({ standalone = false, ...links }: NotFoundPageProps) {
  if (!standalone) return <NotFoundContent {...links} />;
  return (
    <main className="flex min-h-full items-center justify-center p-6">
      <div className="w-full max-w-md space-y-8">
        <Logo />
        <NotFoundContent {...links} />
      </div>
    </main>
  );
}
