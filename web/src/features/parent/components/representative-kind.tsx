import { Select } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { REPRESENTATIVE_KIND_LABELS, REPRESENTATIVE_KIND_OPTIONS, type RepresentativeKind } from '@common/schemas/identity.js';
import { errorMessage } from '@web/lib/api-client';
import { fullName } from '@web/lib/format';
import type { ParentChild } from '@web/lib/parent-cabinet';
import { useSetRepresentativeKind } from '../api/parent-api';

/** Who the parent is to this child in law; the school sees it beside the parent's name. */
export function RepresentativeKindSelect({ child }: { child: ParentChild }) {
  const save = useSetRepresentativeKind(child.id);
  return (
    <Select
      label="Кем вы приходитесь ребёнку"
      description="Школа видит это рядом с вашим именем"
      aria-label={`Кем вы приходитесь ребёнку: ${fullName(child)}`}
      data={REPRESENTATIVE_KIND_OPTIONS}
      value={child.representativeKind}
      allowDeselect={false}
      disabled={save.isPending}
      error={save.error ? errorMessage(save.error) : undefined}
      maw={320}
      onChange={(value) => {
        if (!value || value === child.representativeKind) return;
        save.mutate(value as RepresentativeKind, {
          onSuccess: () => notifications.show({ color: 'green', title: 'Сохранено', message: REPRESENTATIVE_KIND_LABELS[value as RepresentativeKind] }),
        });
      }}
    />
  );
}
