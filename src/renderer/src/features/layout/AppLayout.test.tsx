import { MantineProvider } from '@mantine/core';
import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { theme } from '../../theme';
import { AppLayout, NAV } from './AppLayout';

describe('AppLayout', () => {
  it('shows every section, marks the current one, and navigates', () => {
    const nav = vi.fn();
    render(
      <MantineProvider theme={theme}>
        <AppLayout page="incidents" onNavigate={nav} locked committee={null}>
          <p>content</p>
        </AppLayout>
      </MantineProvider>,
    );
    for (const n of NAV) expect(screen.getByRole('link', { name: new RegExp(n.label) })).toBeTruthy();
    expect(screen.getByRole('link', { name: /Incidents/ }).getAttribute('aria-current')).toBe('page');
    fireEvent.click(screen.getByRole('link', { name: /Meetings/ }));
    expect(nav).toHaveBeenCalledWith('meetings');
    expect(screen.getByRole('status').textContent).toBe('Locked');
  });
});
