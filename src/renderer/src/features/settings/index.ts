/** What other features may use from settings: the committee's roster and crisis services. */
export { useRoster, useServices } from './queries';
