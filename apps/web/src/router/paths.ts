/**
 * Public paths, and the signed-in paths other screens link to. Which signed-in pages a
 * role sees comes from its navigation (shell/nav-items.ts).
 */
export const paths = {
  home: '/',
  login: '/login',
  signUp: '/sign-up',
  checkIn: '/check-in',
  history: '/history',
  /** Every role's notifications (the bell in the header links here). */
  notifications: '/notifications',
  profile: '/profile',
  /** Every role reports incidents there (WHS also reviews them and works the cases). */
  incidents: '/incidents',
} as const;
