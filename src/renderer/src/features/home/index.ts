/** What other features may use from Home: the core's summary (its "next meeting" rule among others). */
export { useHomeSummary } from './queries';
