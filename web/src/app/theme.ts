import { Button, Checkbox, PasswordInput, Select, TextInput, Textarea, createTheme, type CSSVariablesResolver } from '@mantine/core';

/** Shade 6 carries white text at 6:1 and is the link colour on white, so both pass WCAG AA. */
export const theme = createTheme({
  primaryColor: 'bilet',
  primaryShade: 6,
  colors: {
    bilet: ['#eaf1fd', '#d3e2fa', '#a6c4f4', '#76a4ee', '#4f89e8', '#3577e4', '#1f5fbf', '#1a52a6', '#15468e', '#0f3976'],
  },
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  headings: {
    fontWeight: '700',
    sizes: {
      h1: { fontSize: 'clamp(1.6rem, 5vw, 2.25rem)', lineHeight: '1.2' },
      h2: { fontSize: '1.4rem', lineHeight: '1.3' },
      h3: { fontSize: '1.15rem', lineHeight: '1.35' },
    },
  },
  defaultRadius: 'md',
  cursorType: 'pointer',
  // 16px inputs stop phones from zooming into the field being typed in.
  components: {
    TextInput: TextInput.extend({ defaultProps: { size: 'md' } }),
    // The toggle's name avoids the word «пароль» so that the field alone answers to that label.
    PasswordInput: PasswordInput.extend({
      defaultProps: { size: 'md', visibilityToggleButtonProps: { 'aria-label': 'Показать введённые символы' }, visibilityToggleFocusable: true },
    }),
    Select: Select.extend({ defaultProps: { size: 'md' } }),
    Textarea: Textarea.extend({ defaultProps: { size: 'md' } }),
    Checkbox: Checkbox.extend({ defaultProps: { size: 'md' } }),
    Button: Button.extend({ defaultProps: { size: 'md' } }),
  },
});

/** Mantine's default grey and red text are too pale on white for AA; these are the next darker shades. */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-error': 'var(--mantine-color-red-9)',
    '--mantine-color-placeholder': '#6c757d',
  },
  dark: {},
});
