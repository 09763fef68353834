import { Alert, Badge, createTheme, Modal, Notification, type CSSVariablesResolver, type MantineColorsTuple } from '@mantine/core';

// A calm teal: distinct from police blue and hospital red; AA contrast on white and dark.
const casewalk: MantineColorsTuple = [
  '#e5fbf8',
  '#d5f2ee',
  '#aee3dc',
  '#84d4c9',
  '#61c7b9',
  '#4abfaf',
  '#3bbbaa',
  '#2aa494',
  '#1a9283',
  '#006f63',
];

/** Sized for the back of a meeting room: 18 px body text, generous headings. */
export const theme = createTheme({
  primaryColor: 'casewalk',
  primaryShade: { light: 9, dark: 9 },
  colors: { casewalk },
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", Ubuntu, sans-serif',
  fontSizes: { xs: '0.875rem', sm: '1rem', md: '1.125rem', lg: '1.3rem', xl: '1.5rem' },
  headings: { sizes: { h1: { fontSize: '2.25rem' }, h2: { fontSize: '1.75rem' }, h3: { fontSize: '1.4rem' } } },
  defaultRadius: 'md',
  cursorType: 'pointer',
  focusRing: 'always',
  autoContrast: true,
  components: {
    // Case text must not outlive the screen: with autocomplete off, a browser keeps no
    // autofill history and no session-restore copy of what was typed (tests/e2e/at-rest.e2e.ts).
    // (Plain objects, not Component.extend: extending would pull every input into the first screen's bundle.)
    ...Object.fromEntries(
      ['TextInput', 'Textarea', 'NumberInput', 'PasswordInput', 'TagsInput', 'Select', 'MultiSelect'].map((c) => [
        c,
        { defaultProps: { autoComplete: 'off' } },
      ]),
    ),
    // Every dialog's close button gets a name a screen reader can announce.
    Modal: Modal.extend({ defaultProps: { closeButtonProps: { 'aria-label': 'Close dialog' } } }),
    // Outlined badges: the darkest shade of their colour on light, a pale one on dark (AA in both themes).
    // A badge is never cut to "INTERME…" or "RESPONSE…": it keeps its width in a narrow cell.
    Badge: Badge.extend({
      styles: { root: { flexShrink: 0, maxWidth: 'none' }, label: { overflow: 'visible' } },
      vars: (_theme, props) => {
        const base = typeof props.color === 'string' ? props.color.split('.')[0] : undefined;
        if (props.variant !== 'outline' || !base || !/^[a-z]+$/.test(base)) return { root: {} };
        const c = `light-dark(var(--mantine-color-${base}-9), var(--mantine-color-${base}-2))`;
        return { root: { '--badge-color': c, '--badge-bd': `1px solid ${c}` } };
      },
    }),
    // Light alerts colour their title like their accent: too pale for AA on a projector.
    Alert: Alert.extend({ styles: { title: { color: 'var(--mantine-color-text)' }, message: { color: 'var(--mantine-color-text)' } } }),
    Notification: Notification.extend({
      defaultProps: { closeButtonProps: { 'aria-label': 'Dismiss notification' } },
      styles: { description: { color: 'var(--mantine-color-text)' }, title: { color: 'var(--mantine-color-text)' } },
    }),
  },
});

/** Dimmed text must still pass WCAG AA contrast on a projector: darker than Mantine's default. */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  // Field errors (the message and the invalid input's text) at AA contrast too.
  // Placeholders ("YYYY-MM" in an empty month field) too: Mantine's are about 3:1.
  light: { '--mantine-color-dimmed': '#495057', '--mantine-color-error': '#c92a2a', '--mantine-color-placeholder': '#5c636a' },
  dark: { '--mantine-color-dimmed': '#c1c2c5', '--mantine-color-error': '#ffa8a8', '--mantine-color-placeholder': '#a6a7ab' },
});
