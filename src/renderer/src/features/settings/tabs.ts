/** Settings tabs (kept apart from the panels so the app shell can route without loading them). */
export const SETTINGS_TAB_LIST = [
  { value: 'roster', label: 'Committee roster' },
  { value: 'services', label: 'Crisis services' },
  { value: 'members', label: 'Keyholders & passphrases' },
  { value: 'backup', label: 'Backup & restore' },
  { value: 'audit', label: 'Audit log' },
  { value: 'security', label: 'Lock & notice' },
  { value: 'display', label: 'Dates & time zone' },
] as const;
export type SettingsTab = (typeof SETTINGS_TAB_LIST)[number]['value'];

export function isSettingsTab(v: string): v is SettingsTab {
  return SETTINGS_TAB_LIST.some((t) => t.value === v);
}
