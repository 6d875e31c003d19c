// The company a browser signs in to, remembered in a plain cookie (not a secret: it is the
// company's sign-in name, as in its link /c/<slug>), so the login form can fill it in.
const COOKIE = 'aegira_company';
const ONE_YEAR_SECONDS = 365 * 24 * 60 * 60;
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** The slug in a sign-in link path `/c/<slug>`, or null when the path is not one. */
export function companyOfSignInPath(path: string): string | null {
  const match = /^\/c\/([^/]+)\/?$/.exec(path);
  const slug = match?.[1] ? decodeURIComponent(match[1]).toLowerCase() : null;
  return slug && SLUG.test(slug) ? slug : null;
}

export function rememberedCompany(): string {
  for (const part of document.cookie.split(';')) {
    const [name, value] = part.trim().split('=');
    if (name === COOKIE && value) {
      const slug = decodeURIComponent(value);
      if (SLUG.test(slug)) return slug;
    }
  }
  return '';
}

export function rememberCompany(slug: string): void {
  if (!SLUG.test(slug)) return;
  // biome-ignore lint/suspicious/noDocumentCookie: one plain value, escaped above; the Cookie Store API is not in every browser AEGIRA supports.
  document.cookie = `${COOKIE}=${encodeURIComponent(slug)}; Path=/; Max-Age=${ONE_YEAR_SECONDS}; SameSite=Lax`;
}

/** The full sign-in link of a company, on this site. */
export function signInLinkOf(slug: string): string {
  return `${window.location.origin}/c/${slug}`;
}
