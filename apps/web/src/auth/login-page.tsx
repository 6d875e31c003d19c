import { Link } from '../router/link.tsx';
import { paths } from '../router/paths.ts';
import { AuthLayout } from './auth-layout.tsx';
import { LoginForm } from './login-form.tsx';

export function LoginPage() {
  return (
    <AuthLayout
      documentTitle="Log in"
      title="Log in to AEGIRA"
      subtitle="Welcome back. Use the email and password of your AEGIRA account."
      footer={
        <p>
          New to AEGIRA?{' '}
          <Link
            to={paths.signUp}
            className="font-medium text-teal-700 underline-offset-2 hover:underline"
          >
            Create a company account
          </Link>
        </p>
      }
    >
      <LoginForm />
    </AuthLayout>
  );
}
