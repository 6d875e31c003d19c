import { AppHeader } from './app-header.tsx';
import { DeferredLiveUpdates } from './deferred-live-updates.tsx';
import { MainNav } from './main-nav.tsx';
import { ShellRoutes } from './shell-routes.tsx';

export function AppShell() {
  return (
    <div className="flex min-h-full flex-col">
      <a
        href="#main-content"
        className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-10 focus:rounded-md focus:bg-white focus:px-3 focus:py-2 focus:text-sm focus:font-medium focus:shadow"
      >
        Skip to content
      </a>
      <AppHeader />
      <DeferredLiveUpdates />
      <div className="mx-auto flex w-full max-w-6xl flex-1 flex-col gap-6 px-4 py-6 md:flex-row md:px-6">
        <MainNav />
        <main id="main-content" tabIndex={-1} className="min-w-0 flex-1 focus:outline-none">
          <ShellRoutes />
        </main>
      </div>
    </div>
  );
}
