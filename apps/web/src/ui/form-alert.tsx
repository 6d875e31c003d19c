/** The form-level error. Focusable so a failed submit can move focus here. */
export function FormAlert({ message }: { message: string | null }) {
  if (message === null) return null;
  return (
    <div
      role="alert"
      tabIndex={-1}
      data-form-alert=""
      className="rounded-lg border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-800 focus:outline-2 focus:outline-offset-2 focus:outline-red-600"
    >
      {message}
    </div>
  );
}
