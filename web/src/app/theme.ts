import {
  Button,
  Checkbox,
  Fieldset,
  Modal,
  Notification,
  PasswordInput,
  Select,
  TextInput,
  Textarea,
  createTheme,
  darken,
  defaultVariantColorsResolver,
  parseThemeColor,
  type CSSVariablesResolver,
  type VariantColorsResolver,
} from '@mantine/core';

const TINTED_TEXT_VARIANTS = new Set(['light', 'outline', 'subtle']);

/**
 * Green, orange and other bright colours are too pale as text on white or on their own tint, so
 * tinted variants of those colours write in a darkened shade instead (AA: 4.5:1). An explicit
 * shade such as "red.9" is used as given; the primary blue and grey already pass.
 */
const variantColorResolver: VariantColorsResolver = (input) => {
  const colors = defaultVariantColorsResolver(input);
  const parsed = parseThemeColor({ color: input.color ?? input.theme.primaryColor, theme: input.theme });
  const palette = input.theme.colors[parsed.color];
  if (!parsed.isThemeColor || !palette || !TINTED_TEXT_VARIANTS.has(input.variant)) return colors;
  if (parsed.shade === undefined && (parsed.color === 'bilet' || parsed.color === 'gray')) return colors;
  const ink = parsed.shade === undefined ? darken(palette[9], 0.3) : parsed.value;
  return { ...colors, color: ink, hoverColor: ink, border: input.variant === 'outline' ? `1px solid ${ink}` : colors.border };
};

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
  variantColorResolver,
  // 16px inputs stop phones from zooming into the field being typed in. Optional fields say so in
  // words instead of required ones carrying an asterisk, which would become part of the label.
  components: {
    TextInput: TextInput.extend({ defaultProps: { size: 'md', withAsterisk: false } }),
    // The toggle's name avoids the word «пароль» so that the field alone answers to that label.
    PasswordInput: PasswordInput.extend({
      defaultProps: { size: 'md', withAsterisk: false, visibilityToggleButtonProps: { 'aria-label': 'Показать введённые символы' }, visibilityToggleFocusable: true },
    }),
    // A closed list stays out of the page, so its label names only the input; focus alone (say,
    // jumping to a field with an error) does not open the list over the message.
    Select: Select.extend({ defaultProps: { size: 'md', withAsterisk: false, openOnFocus: false, comboboxProps: { keepMounted: false } } }),
    Textarea: Textarea.extend({ defaultProps: { size: 'md', withAsterisk: false } }),
    Checkbox: Checkbox.extend({ defaultProps: { size: 'md' } }),
    // Long labels such as a child's name wrap instead of pushing a 360 px screen sideways.
    Button: Button.extend({
      defaultProps: { size: 'md' },
      styles: {
        root: { height: 'auto', minHeight: 'var(--button-height)' },
        inner: { minHeight: 'calc(var(--button-height) - 2px)' },
        label: { whiteSpace: 'normal', textAlign: 'center', overflow: 'visible', paddingBlock: '4px' },
      },
    }),
    // Mantine's toast text is gray-6, too pale on white for AA.
    Notification: Notification.extend({
      defaultProps: { closeButtonProps: { 'aria-label': 'Закрыть уведомление' } },
      styles: { description: { color: 'var(--mantine-color-gray-7)' } },
    }),
    Modal: Modal.extend({ defaultProps: { closeButtonProps: { 'aria-label': 'Закрыть окно' } } }),
    // Form groups read as sections, so their legends look like headings.
    Fieldset: Fieldset.extend({ styles: { legend: { fontSize: '1.25rem', fontWeight: 700, marginBottom: '0.5rem' } } }),
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
