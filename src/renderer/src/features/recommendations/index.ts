/** What other features may use from recommendations: Home's follow-up lists and the status marker. */
export { FollowUpLists } from './FollowUpLists';
export { StatusText } from './StatusText';
export { FollowThroughReport } from './FollowThroughReport';
