import { useState } from 'react';
import { TodayCard } from '../check-in/today-card.tsx';
import { useSignedInUser } from '../session/session-store.ts';
import { navItemsByRole } from '../shell/nav-items.ts';
import { PageHeading } from '../ui/page-heading.tsx';
import { greetingAt } from './greeting.ts';
import { homeIntros } from './home-intros.ts';
import { QuickLinks } from './quick-links.tsx';

export function HomePage() {
  const user = useSignedInUser();
  const [now] = useState(() => new Date());
  const greeting = greetingAt(now, user.company.timezone);
  const destinations = navItemsByRole[user.role].filter((item) => item.path !== '/');
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
        <TodayCard />
      ) : (
        <>
          <TodayCard onlyWithTeam />
          <QuickLinks items={destinations} />
        </>
      )}
    </div>
  );
}
