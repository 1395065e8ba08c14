import { useState } from 'react';
import { Select, Stack, Text } from '@mantine/core';
import { LoadError, PageLoader, PageTitle } from '@web/lib/components/page';
import { useRegions } from '@web/lib/reference';
import { useContacts } from '../api/help-api';
import { ContactsCard } from '../components/contacts-card';
import { HelpNav } from '../components/help-nav';

/**
 * The regional operator's contacts: a signed-in pupil, parent or staff member sees its own region's
 * at once; anyone may pick another region.
 */
export function HelpContactsPage() {
  const [picked, setPicked] = useState<number | null>(null);
  const regions = useRegions();
  const contacts = useContacts(picked);
  return (
    <Stack gap="md" maw={760}>
      <HelpNav />
      <PageTitle lead="Региональный оператор ведёт программу в своём регионе: мероприятия, школы и площадки">Контакты региональных операторов</PageTitle>
      <Select
        label="Регион"
        placeholder="Выберите регион"
        searchable
        nothingFoundMessage="Такого региона нет"
        data={(regions.data ?? []).map((r) => ({ value: String(r.id), label: r.name }))}
        value={picked ? String(picked) : contacts.data?.regionId ? String(contacts.data.regionId) : null}
        onChange={(v) => setPicked(v ? Number(v) : null)}
      />
      {contacts.isError && <LoadError error={contacts.error} onRetry={() => void contacts.refetch()} />}
      {contacts.isPending && <PageLoader />}
      {contacts.data && !contacts.data.regionName && <Text>Выберите регион, чтобы увидеть контакты его оператора.</Text>}
      {contacts.data && <ContactsCard data={contacts.data} />}
    </Stack>
  );
}
