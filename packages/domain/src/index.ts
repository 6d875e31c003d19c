export * from './check-in-inputs.ts';
export * from './eligibility.ts';
export * from './holidays.ts';
export * from './local-time.ts';
export * from './readiness.ts';
export * from './schedule.ts';
