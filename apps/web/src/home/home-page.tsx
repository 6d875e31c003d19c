import { useState } from 'react';
import { TodayCard } from '../check-in/today-card.tsx';
import { useSignedInUser } from '../session/session-store.ts';
import { LazyArea, lazyPage } from '../shell/lazy-area.tsx';
import { PageHeading } from '../ui/page-heading.tsx';
import { greetingAt } from './greeting.ts';
import { homeIntros } from './home-intros.ts';

// Each role's figures (and, for roles other than workers, the links onward) come in a
// chunk of their own, charts in yet another: the first page stays small and shows
// today's card while they load.
const RoleDashboard = lazyPage(
  () => import('../dashboards/role-dashboard.tsx'),
  (m) => m.RoleDashboard,
);

function Figures() {
  return (
    <LazyArea label="Loading your figures…">
      <RoleDashboard />
    </LazyArea>
  );
}

export function HomePage() {
  const user = useSignedInUser();
  const [now] = useState(() => new Date());
  const greeting = greetingAt(now, user.company.timezone);
  return (
    <div className="space-y-8">
      <div className="space-y-2">
        <PageHeading title="Home">
          {greeting}, {user.firstName}
        </PageHeading>
        <p className="max-w-2xl text-slate-600">{homeIntros[user.role]}</p>
      </div>
      {user.role === 'WORKER' ? (
        // A worker's check-in card links to their pages, so "coming up" has nothing to add.
        <>
          <TodayCard />
          <Figures />
        </>
      ) : (
        <>
          <TodayCard onlyWithTeam />
          <Figures />
        </>
      )}
    </div>
  );
}
