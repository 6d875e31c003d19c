export {
  projectCheckInSubmitted,
  projectCheckInUpdated,
  projectMissedCheckInResolved,
} from './check-in-projection.ts';
export { projectCompanyCreated } from './company-projection.ts';
export { dateColumn, localDateOf } from './dates.ts';
export { projectHolidayCreated } from './holiday-projection.ts';
export { projectPersonCreated } from './person-projection.ts';
export { projectTeamCreated } from './team-projection.ts';
