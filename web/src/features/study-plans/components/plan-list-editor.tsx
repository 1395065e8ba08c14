import { ActionIcon, Button, Fieldset, Group, Stack, Text, TextInput, Textarea } from '@mantine/core';

export interface ListField<T> {
  key: keyof T & string;
  label: string;
  long?: boolean;
  type?: 'text' | 'date';
}

interface Props<T> {
  legend: string;
  items: T[];
  fields: ListField<T>[];
  onChange: (items: T[]) => void;
  /** A new empty item; without it the section only edits and removes what the system offered. */
  blank?: () => T;
  addLabel?: string;
  max?: number;
}

/** One section of the plan as a list of small forms: each item's fields, a remove button, and «add» when allowed. */
export function PlanListEditor<T extends object>({ legend, items, fields, onChange, blank, addLabel, max = 10 }: Props<T>) {
  const set = (index: number, key: keyof T, value: string | null) => onChange(items.map((item, i) => (i === index ? { ...item, [key]: value } : item)));
  return (
    <Fieldset legend={legend}>
      <Stack gap="sm">
        {items.length === 0 && <Text c="dimmed" size="sm">Пока пусто.</Text>}
        {items.map((item, index) => (
          <Group key={index} align="flex-end" wrap="nowrap" gap="xs">
            <Stack gap={4} style={{ flex: 1 }}>
              {fields.map((f) => {
                const value = (item[f.key] as string | null) ?? '';
                const label = `${f.label} ${index + 1}`;
                return f.long ? (
                  <Textarea key={f.key} label={label} minRows={2} value={value} onChange={(e) => set(index, f.key, e.currentTarget.value)} />
                ) : (
                  <TextInput
                    key={f.key}
                    label={label}
                    type={f.type ?? 'text'}
                    value={value}
                    onChange={(e) => set(index, f.key, f.type === 'date' && !e.currentTarget.value ? null : e.currentTarget.value)}
                  />
                );
              })}
            </Stack>
            <ActionIcon variant="subtle" color="red" size="lg" aria-label={`Убрать: ${legend.toLowerCase()}, пункт ${index + 1}`} onClick={() => onChange(items.filter((_, i) => i !== index))}>
              ✕
            </ActionIcon>
          </Group>
        ))}
        {blank && items.length < max && (
          <Group>
            <Button variant="subtle" onClick={() => onChange([...items, blank()])}>
              {addLabel ?? 'Добавить'}
            </Button>
          </Group>
        )}
      </Stack>
    </Fieldset>
  );
}
