import { useState } from 'react';

/** Served by the API (apps/api/src/http/subject-access-route.ts): admins, by session. */
export function subjectAccessUrl(personId: string): string {
  return `/api/people/${encodeURIComponent(personId)}/subject-access`;
}

/** The file name the server chose (`attachment; filename="…"`), or null. */
export function attachmentName(contentDisposition: string | null): string | null {
  const match = /filename="([^"]+)"/.exec(contentDisposition ?? '');
  return match?.[1] ?? null;
}

const FALLBACK_MESSAGE = 'Something went wrong on our side. Please try again.';

/** The message of a refusal (`{ error: { message } }`), or a generic one. */
async function refusalMessage(response: Response): Promise<string> {
  try {
    const body: unknown = await response.json();
    const error: unknown =
      typeof body === 'object' && body !== null ? Reflect.get(body, 'error') : null;
    const message: unknown =
      typeof error === 'object' && error !== null ? Reflect.get(error, 'message') : null;
    return typeof message === 'string' ? message : FALLBACK_MESSAGE;
  } catch {
    return FALLBACK_MESSAGE;
  }
}

/** Hands the browser a file to save, as a link with `download` would. */
function saveFile(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked once the browser has taken the file.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * Downloads everything held on a person (a subject-access request) with a pending state and
 * the server's refusal as an error: a plain link could show neither. The file is assembled by
 * the server in one read, so the wait is a single request.
 */
export function useSubjectAccessDownload(personId: string) {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const download = async () => {
    setPending(true);
    setError(null);
    try {
      const response = await fetch(subjectAccessUrl(personId), { credentials: 'same-origin' });
      if (!response.ok) {
        setError(await refusalMessage(response));
        return;
      }
      const name =
        attachmentName(response.headers.get('content-disposition')) ??
        `subject-access-${personId}.json`;
      saveFile(await response.blob(), name);
    } catch {
      setError('The download failed. Check your connection and try again.');
    } finally {
      setPending(false);
    }
  };
  return { download, pending, error };
}
