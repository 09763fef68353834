import { MantineProvider } from '@mantine/core';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { theme } from '../../theme';
import { DismissModal } from './DismissModal';

// Mantine's autosize textarea listens for font loading, which jsdom does not implement.
if (!('fonts' in document))
  Object.defineProperty(document, 'fonts', { configurable: true, value: { addEventListener() {}, removeEventListener() {} } });

describe('"Not an identifier" asks for a reason under the field', () => {
  it('a reason too short is refused in words under the field, sends nothing; a real one is sent trimmed', async () => {
    const sent: string[] = [];
    render(
      <MantineProvider theme={theme}>
        <DismissModal target={{ type: 'NAME', text: 'Grace House' }} onClose={() => {}} onConfirm={async (r) => void sent.push(r)} />
      </MantineProvider>,
    );
    const reason = await screen.findByRole('textbox', { name: 'Reason' });
    fireEvent.change(reason, { target: { value: 'ok' } });
    fireEvent.click(screen.getByRole('button', { name: 'Mark as not an identifier' }));
    expect(await screen.findByText('Say why this is not an identifier (at least 3 characters).')).toBeTruthy();
    expect(reason.getAttribute('aria-invalid')).toBe('true');
    expect(sent).toEqual([]);
    fireEvent.change(reason, { target: { value: '  name of a shelter  ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Mark as not an identifier' }));
    await waitFor(() => expect(sent).toEqual(['name of a shelter']));
  });
});
