/** Public paths; the signed-in paths come from the role's navigation (shell/nav-items.ts). */
export const paths = {
  home: '/',
  login: '/login',
  signUp: '/sign-up',
} as const;
