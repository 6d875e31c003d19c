import type { MouseEvent, ReactNode } from 'react';
import { cx } from '../ui/class-names.ts';
import { useFieldIds } from '../ui/field-ids.ts';
import { FieldMessages } from '../ui/field-messages.tsx';
import { stepValue } from './slider-steps.ts';

type SliderFieldProps = {
  label: string;
  value: number;
  min: number;
  max: number;
  step: number;
  onValueChange: (value: number) => void;
  /** The value in words, shown beside the label and read by screen readers ("7.5 hours"). */
  valueText: (value: number) => string;
  hint?: ReactNode;
  error?: string | undefined;
};

const stepButtonClassName =
  'flex size-9 shrink-0 items-center justify-center rounded-full bg-white text-lg leading-none font-semibold text-slate-700 shadow-sm ring-1 ring-slate-300 ring-inset hover:bg-slate-50 disabled:opacity-40';

/** A tap on − or + leaves focus where it was, off these hidden helpers. */
function keepFocus(event: MouseEvent<HTMLButtonElement>) {
  event.preventDefault();
}

/**
 * A native range input: arrow keys, Page Up/Down, Home and End work out of the box and
 * screen readers announce `valueText`. The − and + buttons are for fine steps on touch
 * screens; keyboard and screen-reader users have the slider itself, so they skip them.
 */
export function SliderField({
  label,
  value,
  min,
  max,
  step,
  onValueChange,
  valueText,
  hint,
  error,
}: SliderFieldProps) {
  const ids = useFieldIds(hint !== undefined, error);
  return (
    <div className="space-y-2">
      <div className="flex items-baseline justify-between gap-4">
        <label htmlFor={ids.id} className="text-sm font-medium text-slate-800">
          {label}
        </label>
        <span aria-hidden="true" className="text-sm font-semibold text-teal-800 tabular-nums">
          {valueText(value)}
        </span>
      </div>
      <div className="flex items-center gap-3">
        <button
          type="button"
          tabIndex={-1}
          aria-hidden="true"
          disabled={value <= min}
          onMouseDown={keepFocus}
          onClick={() => onValueChange(stepValue(value, -1, { min, max, step }))}
          className={stepButtonClassName}
        >
          −
        </button>
        <input
          id={ids.id}
          type="range"
          min={min}
          max={max}
          step={step}
          value={value}
          onChange={(event) => onValueChange(Number(event.target.value))}
          aria-valuetext={valueText(value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={ids.describedBy}
          className={cx(
            'h-2 w-full min-w-0 cursor-pointer accent-teal-700',
            'focus-visible:outline-2 focus-visible:outline-offset-4 focus-visible:outline-teal-700',
          )}
        />
        <button
          type="button"
          tabIndex={-1}
          aria-hidden="true"
          disabled={value >= max}
          onMouseDown={keepFocus}
          onClick={() => onValueChange(stepValue(value, 1, { min, max, step }))}
          className={stepButtonClassName}
        >
          +
        </button>
      </div>
      <FieldMessages hint={hint} hintId={ids.hintId} error={error} errorId={ids.errorId} />
    </div>
  );
}
