import { Stack, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { EmptyState } from './layout/EmptyState';
import type { Page } from '../lib/route';

export function PageFrame({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Stack gap="lg">
      <Title order={2}>{title}</Title>
      {children}
    </Stack>
  );
}

/** Placeholder pages for capabilities that have not landed yet: each says what will be here. */
export const PLACEHOLDERS: Record<Exclude<Page, 'home' | 'settings' | 'incidents' | 'meetings' | 'recommendations' | 'projector'>, { title: string; text: string }> = {
  reports: { title: 'Reports', text: 'Nothing to report yet. Charts and the CIT goals scorecard appear once incidents exist.' },
};

export function PlaceholderPage({ page }: { page: keyof typeof PLACEHOLDERS }) {
  const p = PLACEHOLDERS[page];
  return (
    <PageFrame title={p.title}>
      <EmptyState title={`No ${p.title.toLowerCase()}`}>{p.text}</EmptyState>
    </PageFrame>
  );
}
