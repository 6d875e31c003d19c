import {
  Component,
  type ComponentType,
  type LazyExoticComponent,
  lazy,
  type ReactNode,
  Suspense,
} from 'react';
import { LoadErrorPanel, LoadingPanel } from '../check-in/load-states.tsx';

/**
 * A page whose code is fetched the first time it is shown, so a worker's first page
 * carries none of the admin, team or history screens. `pick` names the page's export.
 */
export function lazyPage<Module>(
  load: () => Promise<Module>,
  pick: (module: Module) => ComponentType,
): LazyExoticComponent<ComponentType> {
  return lazy(async () => ({ default: pick(await load()) }));
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
    // Reloading fetches the current index.html and with it the current file names.
    return (
      <LoadErrorPanel
        title="We could not load this page."
        error={this.state.error}
        onRetry={() => window.location.reload()}
        retrying={false}
      />
    );
  }
}
