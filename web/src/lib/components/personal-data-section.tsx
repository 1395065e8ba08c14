import { useEffect, useState } from 'react';
import { Button, Card, Checkbox, Group, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useForm, type FormErrors } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient, type QueryKey } from '@tanstack/react-query';
import { documentTypeForAge } from '@common/participation.js';
import { participantProfileUpdateSchema, type ParticipantProfileUpdate } from '@common/schemas/identity.js';
import { PASSPORT_AGE, ageOn, normalizeBirthCertificate, normalizePassport, todayInMoscow } from '@common/validators.js';
import { api, patch } from '../api-client';
import { schemaErrors, useFormFeedback, validateOnBlur } from '../forms';
import { formatPhone } from '../format';
import { personalDataQuery } from '../personal-data';
import { FormAlert, LoadError } from './page';

interface PersonalData {
  snils: string;
  document: null | { type: 'passport' | 'birth_certificate'; number: string };
  hasOvz: boolean;
  ovzDetails: string | null;
}

interface Props {
  /** GET shows the unmasked data (the server records each view), PATCH changes it. */
  path: string;
  subject: 'self' | 'child';
  birthDate: string;
  snilsMasked: string | null;
  hasOvz: boolean;
  /** Only the pupil edits its own phone here; undefined hides the field. */
  phone?: string | null;
  /** The cabinet that shows these facts and must be reloaded after a change. */
  cabinetKey: QueryKey;
  /** Level of this section's own headings within the page's outline. */
  headingOrder: 3 | 4 | 5;
}

const DOCUMENT_NAMES = { passport: 'паспорт', birth_certificate: 'свидетельство о рождении' } as const;

function documentNumberError(type: 'passport' | 'birth_certificate', number: string): string | null {
  if (type === 'passport') return normalizePassport(number) ? null : 'Паспорт: 4 цифры серии и 6 цифр номера, например 45 06 123456';
  return normalizeBirthCertificate(number) ? null : 'Свидетельство: серия и номер, например IV-МЮ 123456';
}

export function PersonalDataSection({ path, subject, birthDate, snilsMasked, hasOvz, phone, cabinetKey, headingOrder }: Props) {
  const queryClient = useQueryClient();
  const [revealed, setRevealed] = useState(false);
  const age = ageOn(birthDate, todayInMoscow());
  const documentType = documentTypeForAge(age);
  const self = subject === 'self';
  const dataKey = ['personal-data', path];

  const details = useQuery({ queryKey: dataKey, queryFn: () => api<PersonalData>(path), enabled: revealed, ...personalDataQuery });

  const form = useForm({
    initialValues: { documentNumber: '', hasOvz, ovzDetails: '', phone: phone ? formatPhone(phone) : '' },
    enhanceGetInputProps: validateOnBlur,
    validate: (values) => {
      const errors: FormErrors = schemaErrors(participantProfileUpdateSchema, toPayload(values), (p) =>
        p.startsWith('document') ? 'documentNumber' : p,
      );
      if (values.documentNumber.trim() && !errors.documentNumber) {
        const problem = documentNumberError(documentType, values.documentNumber);
        if (problem) errors.documentNumber = problem;
      }
      return errors;
    },
  });
  const feedback = useFormFeedback(form, (f) => {
    if (f === 'document.documentNumber') return 'documentNumber';
    return ['phone', 'hasOvz', 'ovzDetails'].includes(f) ? f : null;
  });

  function toPayload(values: typeof form.values): ParticipantProfileUpdate {
    const payload: ParticipantProfileUpdate = {};
    if (phone !== undefined && form.isDirty('phone')) payload.phone = values.phone;
    if (form.isDirty('documentNumber')) {
      payload.document = values.documentNumber.trim() ? { documentType, documentNumber: values.documentNumber } : null;
    }
    if (form.isDirty('hasOvz')) payload.hasOvz = values.hasOvz;
    if (values.hasOvz && (form.isDirty('ovzDetails') || form.isDirty('hasOvz'))) payload.ovzDetails = values.ovzDetails.trim() || null;
    return payload;
  }

  // Once the full data is shown the form starts from it, keeping whatever the person has already typed.
  const loaded = details.data;
  useEffect(() => {
    if (!loaded) return;
    const current = form.getValues();
    const stored = { documentNumber: loaded.document?.number ?? '', ovzDetails: loaded.ovzDetails ?? '' };
    form.setValues({
      documentNumber: form.isDirty('documentNumber') ? current.documentNumber : stored.documentNumber,
      ovzDetails: form.isDirty('ovzDetails') ? current.ovzDetails : stored.ovzDetails,
    });
    form.resetDirty({ ...current, ...stored });
  }, [loaded]);

  const save = useMutation({
    mutationFn: (payload: ParticipantProfileUpdate) => patch(path, payload),
    onSuccess: async () => {
      form.resetDirty();
      await Promise.all([queryClient.invalidateQueries({ queryKey: cabinetKey }), queryClient.invalidateQueries({ queryKey: dataKey })]);
      notifications.show({ color: 'green', title: 'Сохранено', message: 'Данные обновлены' });
    },
    onError: feedback.onError,
  });

  const submit = form.onSubmit((values) => {
    feedback.setAlert(null);
    const payload = toPayload(values);
    if (Object.keys(payload).length === 0) {
      notifications.show({ title: 'Нечего сохранять', message: 'Изменений нет' });
      return;
    }
    save.mutate(payload);
  }, feedback.onInvalid);

  const documentName = DOCUMENT_NAMES[documentType];
  const ageReason =
    documentType === 'passport'
      ? `С ${PASSPORT_AGE} лет документ — паспорт гражданина РФ.`
      : `До ${PASSPORT_AGE} лет документ — свидетельство о рождении, паспорт понадобится позже.`;

  return (
    <Stack gap="md">
      <Card withBorder padding="md">
        <Stack gap="xs">
          <Title order={headingOrder}>Документы</Title>
          <Text>
            СНИЛС: <b>{loaded?.snils ?? snilsMasked ?? 'скрыт'}</b>
          </Text>
          {loaded && (
            <>
              <Text>
                Документ:{' '}
                <b>{loaded.document ? `${DOCUMENT_NAMES[loaded.document.type]}, ${loaded.document.number}` : 'пока не указан'}</b>
              </Text>
              <Text>
                ОВЗ: <b>{loaded.hasOvz ? loaded.ovzDetails || 'да' : 'нет'}</b>
              </Text>
            </>
          )}
          {details.isError && <LoadError error={details.error} onRetry={() => void details.refetch()} />}
          {!loaded && (
            <Group>
              <Button variant="light" onClick={() => setRevealed(true)} loading={details.isFetching}>
                Показать данные
              </Button>
            </Group>
          )}
          <Text size="sm" c="dimmed">
            Полные номера скрыты, чтобы их не увидели случайные люди рядом с экраном. Каждый просмотр записывается в журнал.
          </Text>
        </Stack>
      </Card>

      <Card withBorder padding="md" component="form" ref={feedback.ref} onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Title order={headingOrder}>{self ? 'Изменить мои данные' : 'Изменить данные ребёнка'}</Title>
          <FormAlert message={feedback.alert} />
          <Text>
            {ageReason} {self ? 'Укажите' : 'Укажите для ребёнка'} {documentName}.
          </Text>
          <TextInput
            label={documentType === 'passport' ? 'Серия и номер паспорта' : 'Серия и номер свидетельства о рождении'}
            description={
              (documentType === 'passport' ? 'Например, 45 06 123456' : 'Например, IV-МЮ 123456') +
              (loaded ? '' : '. Чтобы увидеть уже указанный номер, нажмите «Показать данные»')
            }
            autoComplete="off"
            {...form.getInputProps('documentNumber')}
          />
          <Checkbox
            label={self ? 'У меня есть ограниченные возможности здоровья (ОВЗ)' : 'У ребёнка есть ограниченные возможности здоровья (ОВЗ)'}
            description="Спрашиваем, чтобы предлагать только безопасные и доступные мероприятия. Подробности видят только ученик и его родители, а наставник мероприятия — только с согласия родителя."
            {...form.getInputProps('hasOvz', { type: 'checkbox' })}
          />
          {form.values.hasOvz && (
            <Textarea
              label="Что важно учесть на мероприятиях"
              description={loaded ? 'Например: передвигаюсь на коляске, нужен сурдопереводчик' : 'Чтобы увидеть то, что уже написано, нажмите «Показать данные»'}
              autosize
              minRows={2}
              maxRows={8}
              {...form.getInputProps('ovzDetails')}
            />
          )}
          {phone !== undefined && (
            <TextInput label="Телефон" type="tel" autoComplete="tel" description="Например, +7 900 123-45-67" {...form.getInputProps('phone')} />
          )}
          <Group>
            <Button type="submit" loading={save.isPending}>
              Сохранить
            </Button>
          </Group>
        </Stack>
      </Card>
    </Stack>
  );
}
