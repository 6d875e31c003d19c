import { lateLabel } from './format.ts';

const badgeClassName =
  'inline-flex items-center rounded-md px-2 py-0.5 text-xs font-medium ring-1 ring-inset';

export function LateBadge({ minutesLate }: { minutesLate: number }) {
  return (
    <span className={`${badgeClassName} bg-orange-50 text-orange-800 ring-orange-600/20`}>
      {lateLabel(minutesLate)}
    </span>
  );
}

/** Version 1 is the original submission; every amendment adds one. */
export function AmendedBadge({ version }: { version: number }) {
  return (
    <span className={`${badgeClassName} bg-sky-50 text-sky-800 ring-sky-600/20`}>
      Amended · version {version}
    </span>
  );
}
