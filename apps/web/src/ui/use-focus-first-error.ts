import { type RefObject, useEffect } from 'react';

/**
 * After each failed submit (`attempt` increases), move focus to the first invalid
 * field, or to the form-level alert when no field is to blame.
 */
export function useFocusFirstError(formRef: RefObject<HTMLFormElement | null>, attempt: number) {
  useEffect(() => {
    if (attempt === 0) return;
    const form = formRef.current;
    if (!form) return;
    const target =
      form.querySelector<HTMLElement>('[aria-invalid="true"]') ??
      form.querySelector<HTMLElement>('[data-form-alert]');
    target?.focus();
  }, [formRef, attempt]);
}
