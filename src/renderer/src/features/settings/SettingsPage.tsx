import { Tabs } from '@mantine/core';
import type { ComponentType } from 'react';
import { PageFrame } from '../pages';
import { AuditPanel } from './AuditPanel';
import { BackupPanel } from './BackupPanel';
import { MembersPanel } from './MembersPanel';
import { RosterPanel } from './RosterPanel';
import { SecurityPanel } from './SecurityPanel';

export const SETTINGS_TABS = [
  { value: 'roster', label: 'Committee roster', Panel: RosterPanel },
  { value: 'members', label: 'Keyholders & passphrases', Panel: MembersPanel },
  { value: 'backup', label: 'Backup & restore', Panel: BackupPanel },
  { value: 'audit', label: 'Audit log', Panel: AuditPanel },
  { value: 'security', label: 'Lock & notice', Panel: SecurityPanel },
] as const satisfies readonly { value: string; label: string; Panel: ComponentType }[];
export type SettingsTab = (typeof SETTINGS_TABS)[number]['value'];

export function isSettingsTab(v: string): v is SettingsTab {
  return SETTINGS_TABS.some((t) => t.value === v);
}

export function SettingsPage({ tab, onTab }: { tab: SettingsTab; onTab(t: SettingsTab): void }) {
  return (
    <PageFrame title="Settings">
      <Tabs value={tab} onChange={(v) => onTab(v && isSettingsTab(v) ? v : 'roster')} keepMounted={false}>
        <Tabs.List>
          {SETTINGS_TABS.map((t) => (
            <Tabs.Tab key={t.value} value={t.value}>
              {t.label}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {SETTINGS_TABS.map(({ value, Panel }) => (
          <Tabs.Panel key={value} value={value} pt="lg">
            <Panel />
          </Tabs.Panel>
        ))}
      </Tabs>
    </PageFrame>
  );
}
