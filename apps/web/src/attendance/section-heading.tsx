import type { ReactNode } from 'react';

/** A section's heading at the level its page needs: h2 on a page, h3 inside a team's section. */
export function SectionHeading({
  id,
  level,
  children,
}: {
  id: string;
  level: 2 | 3;
  children: ReactNode;
}) {
  const className = 'text-base font-semibold text-slate-900';
  return level === 2 ? (
    <h2 id={id} className={className}>
      {children}
    </h2>
  ) : (
    <h3 id={id} className={className}>
      {children}
    </h3>
  );
}
