import { Anchor, Badge, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { Fact } from '@web/lib/components/fact';
import { formatDate, formatPhone } from '@web/lib/format';
import { useCities } from '@web/lib/reference';
import type { OrganisationCard } from '../api/organisations-api';

/** The card's profile as read-only facts; empty optional fields say so rather than vanish. */
export function OrganisationProfile({ card }: { card: OrganisationCard }) {
  const cities = useCities(card.regionId);
  const city = cities.data?.find((c) => c.id === card.cityId)?.name ?? '…';
  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        <Fact label="ИНН" value={card.inn} />
        <Fact label="ОГРН" value={card.ogrn} />
        <Fact label="Регион" value={card.regionName} />
        <Fact label="Город" value={city} />
        <Fact label="Адрес" value={card.address} />
        <Fact label="Телефон" value={card.phone ? formatPhone(card.phone) : 'не указан'} />
        <Fact label="Электронная почта" value={card.email ?? 'не указана'} />
        <Stack gap={2}>
          <Text size="sm" c="dimmed">
            Сайт
          </Text>
          {card.website ? (
            <Anchor href={card.website} target="_blank" rel="noopener noreferrer" fw={600} style={{ overflowWrap: 'anywhere' }}>
              {card.website}
            </Anchor>
          ) : (
            <Text fw={600}>не указан</Text>
          )}
        </Stack>
        <Fact label="Руководитель" value={card.headName ?? 'не указан'} />
        <Fact label="В программе с" value={formatDate(card.createdAt)} />
      </SimpleGrid>
      {card.kind === 'venue' && (
        <>
          <Fact label="Описание" value={card.description ?? 'не заполнено'} />
          <Stack gap={4}>
            <Text size="sm" c="dimmed" id="venue-competencies">
              Компетенции
            </Text>
            {card.competencies.length === 0 ? (
              <Text fw={600}>не выбраны</Text>
            ) : (
              <Group gap={6} component="ul" m={0} p={0} style={{ listStyle: 'none' }} aria-labelledby="venue-competencies">
                {card.competencies.map((c) => (
                  <li key={c.id}>
                    <Badge variant="light" tt="none" size="lg">
                      {c.name}
                    </Badge>
                  </li>
                ))}
              </Group>
            )}
          </Stack>
        </>
      )}
    </Stack>
  );
}
