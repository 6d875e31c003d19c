import {
  Component,
  type ComponentType,
  type LazyExoticComponent,
  lazy,
  type ReactNode,
  Suspense,
} from 'react';
import { LoadingPanel } from '../check-in/load-states.tsx';
import { Button } from '../ui/button.tsx';

/** tRPC's React hooks and provider, which every lazily loaded area uses and the first page does not. */
export const loadTrpcReact = () => import('../trpc/trpc-react-provider.tsx');

/**
 * A page whose code is fetched the first time it is shown, so a worker's first page
 * carries none of the admin, team or history screens. `pick` names the page's export.
 * The page comes inside tRPC's React provider, fetched with it (see first-page-client.ts).
 */
export function lazyPage<Module, Props extends object = Record<string, never>>(
  load: () => Promise<Module>,
  pick: (module: Module) => ComponentType<Props>,
): LazyExoticComponent<ComponentType<Props>> {
  return lazy(async () => {
    const [module, { withTrpcReact }] = await Promise.all([load(), loadTrpcReact()]);
    return { default: withTrpcReact(pick(module)) };
  });
}

type LazyAreaProps = {
  /** What the area's loading state says, e.g. "Loading your team…". */
  label: string;
  children: ReactNode;
};

/**
 * Where a lazily loaded area comes in: the area's loading state while its code downloads,
 * and a way out when it cannot (offline, or a new version replaced the old files).
 */
export function LazyArea({ label, children }: LazyAreaProps) {
  return (
    <AreaErrorBoundary>
      <Suspense fallback={<LoadingPanel label={label} />}>{children}</Suspense>
    </AreaErrorBoundary>
  );
}

type AreaErrorBoundaryState = { error: unknown };

class AreaErrorBoundary extends Component<{ children: ReactNode }, AreaErrorBoundaryState> {
  override state: AreaErrorBoundaryState = { error: null };

  static getDerivedStateFromError(error: unknown): AreaErrorBoundaryState {
    return { error };
  }

  override render() {
    if (this.state.error === null) return this.props.children;
    // Mostly a chunk that did not arrive: offline, or a deploy replaced the files this
    // page's index.html names. Reloading fetches the current index.html and its files.
    return (
      <div
        role="alert"
        className="space-y-3 rounded-xl border border-red-200 bg-red-50 px-4 py-4 text-sm text-red-900"
      >
        <p className="font-medium">We could not load this page.</p>
        <p>AEGIRA may have been updated since you opened it, or the connection dropped.</p>
        <Button variant="secondary" onClick={() => window.location.reload()}>
          Reload to update
        </Button>
      </div>
    );
  }
}
