import { Link } from '../router/link.tsx';
import { paths } from '../router/paths.ts';
import { AuthLayout } from './auth-layout.tsx';
import { SignUpForm } from './sign-up-form.tsx';

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
      <SignUpForm />
    </AuthLayout>
  );
}
