/** What other features may use from settings: the committee's roster, crisis services and settings (its time zone). */
export { useRoster, useServices, useSettings, useToday } from './queries';
export { DisplaySettings } from './DisplaySettings';
