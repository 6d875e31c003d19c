import type { Role } from '@aegira/events';

export const DEMO_PASSWORD = 'demo-password-2026';
export const DEMO_DOMAIN = 'demo.aegira.test';
/** Fixed, so the demo's sign-in link never changes; sign-up never gives this slug to another company. */
export const DEMO_COMPANY_SLUG = 'demo-construction-co';

/** The page that signs a browser in to `slug` (it remembers the company for the login form). */
export function companySignInLink(baseUrl: string, slug: string): string {
  return `${baseUrl.replace(/\/+$/, '')}/c/${slug}`;
}

export interface DemoPerson {
  email: string;
  role: Role;
  firstName: string;
  lastName: string;
  /** Which demo team a worker belongs to. */
  team?: 'A' | 'B';
}

const WORKERS: ReadonlyArray<[string, string]> = [
  ['Ava', 'Nguyen'],
  ['Liam', 'Okafor'],
  ['Mia', 'Schmidt'],
  ['Noah', 'Haddad'],
  ['Zoe', 'Kowalski'],
  ['Ethan', 'Moreau'],
  ['Isla', 'Tanaka'],
  ['Lucas', 'Fernandes'],
  ['Ruby', 'Andersen'],
  ['Omar', 'Delgado'],
];

/** The fixed demo accounts (documented in the README); the seed creates exactly these. */
export const DEMO_PEOPLE: readonly DemoPerson[] = [
  { email: `admin@${DEMO_DOMAIN}`, role: 'ADMIN', firstName: 'Alex', lastName: 'Admin' },
  {
    email: `supervisor@${DEMO_DOMAIN}`,
    role: 'SUPERVISOR',
    firstName: 'Sam',
    lastName: 'Supervisor',
  },
  { email: `whs@${DEMO_DOMAIN}`, role: 'WHS', firstName: 'Wren', lastName: 'Safety' },
  { email: `lead1@${DEMO_DOMAIN}`, role: 'TEAM_LEAD', firstName: 'Lee', lastName: 'Lead-One' },
  { email: `lead2@${DEMO_DOMAIN}`, role: 'TEAM_LEAD', firstName: 'Lou', lastName: 'Lead-Two' },
  ...WORKERS.map(([firstName, lastName], index) => ({
    email: `worker${index + 1}@${DEMO_DOMAIN}`,
    role: 'WORKER' as const,
    firstName,
    lastName,
    team: index < 5 ? ('A' as const) : ('B' as const),
  })),
];

export function formatDemoLogins(people: readonly DemoPerson[] = DEMO_PEOPLE): string {
  const width = Math.max(...people.map((person) => person.email.length));
  const rows = people.map(
    (person) =>
      `    ${person.email.padEnd(width)}  ${person.role.padEnd(10)}  ${person.firstName} ${person.lastName}`,
  );
  return [
    `  Demo logins (company ${DEMO_COMPANY_SLUG}, password for all: ${DEMO_PASSWORD}):`,
    ...rows,
  ].join('\n');
}
