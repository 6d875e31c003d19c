import { asOfBanner, type PastView } from './as-of-wording.ts';

/** Says, above everything else, that the page shows a past state that cannot be edited. */
export function AsOfBanner({
  view,
  cutAt,
  timeZone,
}: {
  view: PastView;
  /** The instant of the cut as the API answered it; null when it did not say. */
  cutAt: string | null;
  timeZone: string;
}) {
  return (
    <p className="rounded-xl border-l-4 border-amber-500 bg-amber-50 px-5 py-3 text-sm font-semibold text-amber-950 ring-1 ring-amber-200">
      {asOfBanner(view, cutAt, timeZone)}
    </p>
  );
}
