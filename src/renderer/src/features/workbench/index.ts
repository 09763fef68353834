/** What other features may use from the workbench: the app's state, the keyholders, the recovery key panel. */
export { useAppInfo, useKeyholders } from './queries';
export { RecoveryKeyPanel } from './RecoveryKeyPanel';
