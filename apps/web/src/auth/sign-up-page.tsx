import { Link } from '../router/link.tsx';
import { paths } from '../router/paths.ts';
import { LazyArea, lazyPage } from '../shell/lazy-area.tsx';
import { AuthLayout } from './auth-layout.tsx';

// Only whoever sets up a company needs the form (and its time-zone list): not the login page.
const SignUpForm = lazyPage(
  () => import('./sign-up-form.tsx'),
  (m) => m.SignUpForm,
);

export function SignUpPage() {
  return (
    <AuthLayout
      documentTitle="Sign up"
      title="Create your company account"
      subtitle="Set up your company and its first administrator. You can invite everyone else afterwards."
      footer={
        <p>
          Already have an account?{' '}
          <Link
            to={paths.login}
            className="font-medium text-teal-700 underline-offset-2 hover:underline"
          >
            Log in
          </Link>
        </p>
      }
    >
      <LazyArea label="Loading the sign-up form…">
        <SignUpForm />
      </LazyArea>
    </AuthLayout>
  );
}
