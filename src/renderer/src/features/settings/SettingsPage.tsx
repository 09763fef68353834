import { Tabs } from '@mantine/core';
import type { ComponentType } from 'react';
import { PageFrame } from '../../ui/PageFrame';
import { AuditPanel } from './AuditPanel';
import { BackupPanel } from './BackupPanel';
import { DisplayPanel } from './DisplayPanel';
import { MembersPanel } from './MembersPanel';
import { RosterPanel } from './RosterPanel';
import { ServicesPanel } from './ServicesPanel';
import { SecurityPanel } from './SecurityPanel';
import { isSettingsTab, SETTINGS_TAB_LIST, type SettingsTab } from './tabs';

const PANELS: Record<SettingsTab, ComponentType> = {
  roster: RosterPanel,
  services: ServicesPanel,
  members: MembersPanel,
  backup: BackupPanel,
  audit: AuditPanel,
  security: SecurityPanel,
  display: DisplayPanel,
};
export const SETTINGS_TABS = SETTINGS_TAB_LIST.map((t) => ({ ...t, Panel: PANELS[t.value] }));
export { isSettingsTab, type SettingsTab };

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
