import { Button } from './button.tsx';
import { Logo } from './logo.tsx';
import { PageHeading } from './page-heading.tsx';

type FullPageErrorProps = {
  title: string;
  message: string;
  onRetry: () => void;
  retrying: boolean;
};

export function FullPageError({ title, message, onRetry, retrying }: FullPageErrorProps) {
  return (
    <main className="flex min-h-full items-center justify-center p-6">
      <div className="w-full max-w-md space-y-5 rounded-2xl bg-white p-8 shadow-sm ring-1 ring-slate-200">
        <Logo />
        <PageHeading title={title} className="text-xl">
          {title}
        </PageHeading>
        <p role="alert" className="text-sm text-slate-700">
          {message}
        </p>
        <Button onClick={onRetry} pending={retrying}>
          Try again
        </Button>
      </div>
    </main>
  );
}
