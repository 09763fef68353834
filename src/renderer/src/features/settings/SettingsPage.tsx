import { Tabs } from '@mantine/core';
import { PageFrame } from '../pages';
import { AuditPanel } from './AuditPanel';
import { BackupPanel } from './BackupPanel';
import { MembersPanel } from './MembersPanel';
import { SecurityPanel } from './SecurityPanel';

export type SettingsTab = 'members' | 'backup' | 'audit' | 'security';

export function SettingsPage({ tab, onTab }: { tab: SettingsTab; onTab(t: SettingsTab): void }) {
  return (
    <PageFrame title="Settings">
      <Tabs value={tab} onChange={(v) => onTab((v as SettingsTab) ?? 'members')} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="members">Members & passphrases</Tabs.Tab>
          <Tabs.Tab value="backup">Backup & restore</Tabs.Tab>
          <Tabs.Tab value="audit">Audit log</Tabs.Tab>
          <Tabs.Tab value="security">Lock & notice</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="members" pt="lg">
          <MembersPanel />
        </Tabs.Panel>
        <Tabs.Panel value="backup" pt="lg">
          <BackupPanel />
        </Tabs.Panel>
        <Tabs.Panel value="audit" pt="lg">
          <AuditPanel />
        </Tabs.Panel>
        <Tabs.Panel value="security" pt="lg">
          <SecurityPanel />
        </Tabs.Panel>
      </Tabs>
    </PageFrame>
  );
}
