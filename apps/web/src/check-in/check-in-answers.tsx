import { cx } from '../ui/class-names.ts';
import type { CheckIn } from './check-in-types.ts';
import { formatHours } from './format.ts';
import { painLocationLabel } from './pain-location.ts';

type CheckInAnswersProps = {
  inputs: CheckIn['inputs'];
  /** Two columns from small screens up, where the list has the full width to itself. */
  wide?: boolean;
};

/** The answers of one check-in (or one version of it), as a definition list. */
export function CheckInAnswers({ inputs, wide = false }: CheckInAnswersProps) {
  // The person's health data was erased (decision 039); the score stays.
  if (inputs === null) {
    return (
      <p className="text-sm text-slate-600 italic">
        Answers erased: this person’s health data was erased at their request.
      </p>
    );
  }
  const location = painLocationLabel(inputs.painLocation);
  const answers: Array<[string, string]> = [
    ['Hours slept', formatHours(inputs.hoursSlept)],
    ['Sleep quality', `${inputs.sleepQuality} / 10`],
    ['Stress level', `${inputs.stressLevel} / 10`],
    ['Physical condition', `${inputs.physicalCondition} / 10`],
    [
      'Pain level',
      location ? `${inputs.painLevel} / 10 · ${location}` : `${inputs.painLevel} / 10`,
    ],
  ];
  return (
    <dl className={cx('grid grid-cols-1 gap-x-6 gap-y-2 text-sm', wide && 'sm:grid-cols-2')}>
      {answers.map(([term, value]) => (
        <div key={term} className="flex justify-between gap-3 border-b border-slate-100 pb-1.5">
          <dt className="text-slate-600">{term}</dt>
          <dd className="font-medium text-slate-900 tabular-nums">{value}</dd>
        </div>
      ))}
      {inputs.notes && (
        <div className={cx('space-y-1', wide && 'sm:col-span-2')}>
          <dt className="text-slate-600">Notes</dt>
          <dd className="whitespace-pre-line text-slate-900">{inputs.notes}</dd>
        </div>
      )}
    </dl>
  );
}
