import { signInLinkOf } from '../../auth/company-memory.ts';

/** The company's sign-in link to hand to its people: it opens the login form with the company filled in. */
export function SignInLink({ slug }: { slug: string }) {
  const link = signInLinkOf(slug);
  return (
    <section
      aria-labelledby="sign-in-link-heading"
      className="rounded-xl bg-white p-4 shadow-sm ring-1 ring-slate-200"
    >
      <h2 id="sign-in-link-heading" className="text-base font-semibold text-slate-900">
        Sign-in link
      </h2>
      <p className="mt-1 text-sm text-slate-600">
        Share it with your people: it opens the login page with your company ({slug}) filled in.
      </p>
      <p className="mt-2 font-mono text-sm break-all text-slate-900">
        <a href={link} className="text-teal-700 underline-offset-2 hover:underline">
          {link}
        </a>
      </p>
    </section>
  );
}
