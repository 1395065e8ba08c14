import { useState, type FormEvent } from 'react';
import { Alert, Badge, Button, Group, Modal, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { CORRECTABLE_FIELDS, CORRECTABLE_FIELD_LABELS, type CorrectionRequestInput, type CorrectionView, type PupilCorrections } from '@common/schemas/corrections.js';
import { ApiError, errorMessage } from '../api-client';
import { usePupilCorrections, useRequestCorrection } from '../corrections';
import { formatDate } from '../format';
import { useSchools } from '../reference';
import { ListSelect } from './list-select';
import { CitySelect } from './reference-select';

type Viewer = 'pupil' | 'parent';

const STATUS: Record<CorrectionView['status'], { label: string; color: string }> = {
  pending: { label: 'Ждёт ответа школы', color: 'orange' },
  confirmed: { label: 'Исправлено', color: 'green' },
  refused: { label: 'Школа отказала', color: 'red' },
};

/** What was asked, field by field, in the family's words. */
export function describeRequested(r: CorrectionView['requested']): string {
  return CORRECTABLE_FIELDS.filter((f) => r[f] !== undefined)
    .map((f) => `${CORRECTABLE_FIELD_LABELS[f]}: ${f === 'birthDate' ? formatDate(r.birthDate!) : f === 'schoolId' ? (r.schoolName ?? 'другая школа') : r[f]}`)
    .join('; ');
}

function RequestForm({ pupilId, current, viewer, onDone }: { pupilId: string; current: PupilCorrections['current']; viewer: Viewer; onDone: () => void }) {
  const send = useRequestCorrection(pupilId);
  const [lastName, setLastName] = useState(current.lastName);
  const [firstName, setFirstName] = useState(current.firstName);
  const [birthDate, setBirthDate] = useState(current.birthDate ?? '');
  const [cityId, setCityId] = useState<string | null>(String(current.cityId));
  const [schoolId, setSchoolId] = useState<string | null>(current.school?.id ?? null);
  const [comment, setComment] = useState('');
  const schools = useSchools(current.regionId, cityId ? Number(cityId) : null);
  const fields = send.error instanceof ApiError ? send.error.fields : {};

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const body: CorrectionRequestInput = {};
    if (lastName.trim() !== current.lastName) body.lastName = lastName.trim();
    if (firstName.trim() !== current.firstName) body.firstName = firstName.trim();
    if (birthDate && birthDate !== current.birthDate) body.birthDate = birthDate;
    if (schoolId && schoolId !== current.school?.id) body.schoolId = schoolId;
    if (comment.trim()) body.comment = comment.trim();
    send.mutate(body, {
      onSuccess: () => {
        notifications.show({ color: 'green', title: 'Запрос отправлен', message: 'Школа проверит данные и ответит в кабинете' });
        onDone();
      },
    });
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Text size="sm">
          {viewer === 'pupil'
            ? 'Исправь только то, что записано неверно. Школа сверит данные с документами и ответит тебе в кабинете.'
            : 'Исправьте только то, что записано неверно. Школа сверит данные с документами и ответит вам в кабинете.'}
        </Text>
        <TextInput label="Фамилия" value={lastName} onChange={(e) => setLastName(e.currentTarget.value)} error={fields.lastName} autoComplete="off" />
        <TextInput label="Имя" value={firstName} onChange={(e) => setFirstName(e.currentTarget.value)} error={fields.firstName} autoComplete="off" />
        <TextInput label="Дата рождения" type="date" value={birthDate} onChange={(e) => setBirthDate(e.currentTarget.value)} error={fields.birthDate} />
        <CitySelect
          regionId={current.regionId}
          label="Город школы"
          allowDeselect={false}
          value={cityId}
          onChange={(value) => {
            setCityId(value);
            setSchoolId(null);
          }}
        />
        <ListSelect
          label="Школа"
          description="Только школы того же региона"
          searchable
          allowDeselect={false}
          data={(schools.data ?? []).map((s) => ({ value: s.id, label: s.name }))}
          value={schoolId}
          onChange={setSchoolId}
          error={fields.schoolId}
          nothingFoundMessage="Такой школы нет в списке"
        />
        <Textarea label="Комментарий для школы (необязательно)" rows={2} maxLength={1000} value={comment} onChange={(e) => setComment(e.currentTarget.value)} />
        {send.isError && (
          <Text size="sm" c="red.9" role="alert">
            {errorMessage(send.error)}
          </Text>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Отмена
          </Button>
          <Button type="submit" loading={send.isPending}>
            Отправить в школу
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/**
 * Asking the pupil's school to correct the surname, name, date of birth or school, and the
 * answers so far: the pupil's own profile and a parent's child card both show it.
 */
export function CorrectionRequest({ pupilId, viewer, headingOrder = 4 }: { pupilId: string; viewer: Viewer; headingOrder?: 3 | 4 | 5 }) {
  const data = usePupilCorrections(pupilId);
  const [open, setOpen] = useState(false);
  const items = data.data?.items ?? [];
  const pending = items.some((i) => i.status === 'pending');

  return (
    <Stack gap="xs">
      <Title order={headingOrder}>Исправление данных</Title>
      <Text size="sm">
        {viewer === 'pupil'
          ? 'Если в анкете ошибка в фамилии, имени, дате рождения или школе, попроси школу исправить её.'
          : 'Если в данных ребёнка ошибка в фамилии, имени, дате рождения или школе, попросите школу исправить её.'}
      </Text>
      {items.slice(0, 3).map((i) => (
        <Alert key={i.id} color={STATUS[i.status].color} variant="light" role="status">
          <Stack gap={4}>
            <Group gap="xs">
              <Badge color={STATUS[i.status].color} variant="light" tt="none">
                {STATUS[i.status].label}
              </Badge>
              <Text size="xs" c="dimmed">
                {formatDate(i.createdAt)}
              </Text>
            </Group>
            <Text size="sm">{describeRequested(i.requested)}</Text>
            {i.refusalReason && <Text size="sm">Причина отказа: {i.refusalReason}</Text>}
          </Stack>
        </Alert>
      ))}
      {data.isError && (
        <Text size="sm" c="red.9" role="alert">
          {errorMessage(data.error)}
        </Text>
      )}
      <Group>
        <Button variant="light" onClick={() => setOpen(true)} disabled={!data.data || pending}>
          {pending ? 'Запрос ждёт ответа школы' : 'Попросить исправить данные'}
        </Button>
      </Group>
      {data.data && (
        <Modal opened={open} onClose={() => setOpen(false)} title="Исправление данных" centered>
          <RequestForm pupilId={pupilId} current={data.data.current} viewer={viewer} onDone={() => setOpen(false)} />
        </Modal>
      )}
    </Stack>
  );
}
