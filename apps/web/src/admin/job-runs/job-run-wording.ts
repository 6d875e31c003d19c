import type { BadgeTone } from '../../ui/badge.tsx';
import type { JobRun, JobRunOutcome } from './job-run-types.ts';

export const outcomeViews: Record<JobRunOutcome, { label: string; tone: BadgeTone }> = {
  running: { label: 'Running', tone: 'sky' },
  succeeded: { label: 'Succeeded', tone: 'green' },
  failed: { label: 'Failed', tone: 'red' },
};

/** 'detect-missed-check-ins' → 'Detect missed check-ins': the job's name as a phrase. */
export function jobLabel(job: string): string {
  const words = job
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[-_.:]+/g, ' ')
    .trim()
    .toLowerCase();
  return words === '' ? job : words.charAt(0).toUpperCase() + words.slice(1);
}

/** 'daysChecked' → 'days checked'. */
function countLabel(key: string): string {
  return key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[-_]+/g, ' ')
    .toLowerCase();
}

/** The run's counts as "detected 3", "days checked 14", in the order the job reported them. */
export function describeCounts(counts: JobRun['counts']): string[] {
  return Object.entries(counts).map(([key, value]) => `${countLabel(key)} ${value}`);
}

/** How long a finished run took: "850 ms", "4.2 s", "3 min 5 s"; null while running. */
export function runDuration(run: Pick<JobRun, 'startedAt' | 'finishedAt'>): string | null {
  if (run.finishedAt === null) return null;
  const ms = new Date(run.finishedAt).getTime() - new Date(run.startedAt).getTime();
  if (!Number.isFinite(ms) || ms < 0) return null;
  if (ms < 1000) return `${ms} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  const minutes = Math.floor(ms / 60_000);
  const seconds = Math.round((ms % 60_000) / 1000);
  return seconds === 0 ? `${minutes} min` : `${minutes} min ${seconds} s`;
}
