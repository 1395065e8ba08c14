import { useEffect, useState } from 'react';
import { Button, Select, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { FormAlert, PageTitle } from '@web/lib/components/page';
import { useFormFeedback } from '@web/lib/forms';
import { useRegions } from '@web/lib/reference';
import { useSession } from '@web/lib/session';
import { useContacts, useSaveContacts } from '../api/help-api';
import { ContactsCard } from '../components/contacts-card';

/**
 * The regional operator's contacts families see in the help centre: a coordinator keeps its own
 * region's, support may fix any region's.
 */
export function StaffContactsPage() {
  const session = useSession();
  const support = session.data?.role === 'support_operator';
  const regions = useRegions();
  const [picked, setPicked] = useState<number | null>(null);
  const contacts = useContacts(picked);
  const regionId = picked ?? contacts.data?.regionId ?? null;
  const save = useSaveContacts();
  const form = useForm({ mode: 'controlled', initialValues: { organisation: '', phone: '', email: '', hours: '' } });
  const feedback = useFormFeedback(form);
  useEffect(() => {
    const c = contacts.data?.contacts;
    form.setValues({ organisation: c?.organisation ?? '', phone: c?.phone ?? '', email: c?.email ?? '', hours: c?.hours ?? '' });
  }, [contacts.data]);

  return (
    <Stack gap="md" maw={640}>
      <PageTitle lead="Их видят участники, родители и школы региона в справочном центре">Контакты регионального оператора</PageTitle>
      {support && (
        <Select
          label="Регион"
          placeholder="Выберите регион"
          searchable
          data={(regions.data ?? []).map((r) => ({ value: String(r.id), label: r.name }))}
          value={regionId ? String(regionId) : null}
          onChange={(v) => setPicked(v ? Number(v) : null)}
        />
      )}
      {regionId && (
        <form
          ref={feedback.ref}
          noValidate
          onSubmit={form.onSubmit((values) => {
            feedback.setAlert(null);
            save.mutate({ regionId, ...values }, { onSuccess: () => notifications.show({ color: 'green', message: 'Контакты сохранены' }), onError: feedback.onError });
          }, feedback.onInvalid)}
        >
          <Stack gap="sm">
            <FormAlert message={feedback.alert} />
            <TextInput label="Организация — региональный оператор" required maxLength={300} {...form.getInputProps('organisation')} />
            <TextInput label="Телефон" description="Необязательно" maxLength={60} {...form.getInputProps('phone')} />
            <TextInput label="Электронная почта" description="Необязательно" type="email" maxLength={254} {...form.getInputProps('email')} />
            <TextInput label="Часы работы" description="Необязательно, например «пн–пт 9:00–18:00»" maxLength={200} {...form.getInputProps('hours')} />
            <Button type="submit" loading={save.isPending} style={{ alignSelf: 'flex-start' }}>
              Сохранить контакты
            </Button>
          </Stack>
        </form>
      )}
      {contacts.data?.regionName && <ContactsCard data={contacts.data} />}
    </Stack>
  );
}
