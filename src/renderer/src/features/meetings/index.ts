/** What other features may use from meetings: its findings and recommendations, their dialogs, and the export menu. */
export { useFindings, useMeetings, useRecommendations, useRecordWrite } from './queries';
export { BlameReminder, FindingQuickAdd, GoalChips, useBlameHints } from './FindingQuickAdd';
export { GuardedRecordField, useNotIdentifiers } from './GuardedRecordText';
export { RecommendationModal, StrengthBadge } from './RecommendationModal';
export { SystemicFindingCard } from './SystemicFindingCard';
export { ExportMenu } from './MinutesPanel';
