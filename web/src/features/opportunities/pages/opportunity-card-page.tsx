import { Anchor, Badge, Card, Group, List, Stack, Text, Title } from '@mantine/core';
import { useParams } from 'react-router';
import { OPPORTUNITY_KIND_LABELS, type OpportunityCard } from '@common/guidance.js';
import { Fact } from '@web/lib/components/fact';
import { LoadError, PageLoader, PageTitle } from '@web/lib/components/page';
import { formatDate } from '@web/lib/format';
import { useOpportunityCard } from '../api/opportunities-api';

function dates(o: OpportunityCard): string | null {
  if (o.startsOn && o.endsOn) return o.startsOn === o.endsOn ? formatDate(o.startsOn) : `${formatDate(o.startsOn)} — ${formatDate(o.endsOn)}`;
  if (o.startsOn) return `с ${formatDate(o.startsOn)}`;
  if (o.endsOn) return `до ${formatDate(o.endsOn)}`;
  return null;
}

function place(o: OpportunityCard): string {
  const where = [o.cityName, o.address].filter(Boolean).join(', ');
  if (o.online) return where ? `Онлайн; также ${where}` : 'Онлайн';
  return where || 'Место уточняйте по контакту';
}

/** The card a pupil or parent opens from recommendations or the plan: one column on a phone, everything in plain words. */
export function OpportunityCardPage() {
  const { opportunityId = '' } = useParams();
  const card = useOpportunityCard(opportunityId);
  if (card.isError) return <LoadError error={card.error} onRetry={() => void card.refetch()} />;
  if (!card.data) return <PageLoader />;
  const o = card.data;
  const when = dates(o);

  return (
    <Stack gap="md" maw={720}>
      <Group gap="xs">
        <Badge variant="light">{OPPORTUNITY_KIND_LABELS[o.kind]}</Badge>
        {o.federal && <Badge variant="light" color="gray.8">Для всей страны</Badge>}
        {o.ovzAccessible && <Badge variant="light" color="green.9">Доступно детям с ОВЗ</Badge>}
      </Group>
      <PageTitle lead={o.provider}>{o.title}</PageTitle>
      <Text style={{ whiteSpace: 'pre-line' }}>{o.description}</Text>
      <Card withBorder>
        <Stack gap="sm">
          <Fact label="Классы" value={o.gradeFrom === o.gradeTo ? `${o.gradeFrom} класс` : `${o.gradeFrom}–${o.gradeTo} классы`} />
          <Fact label="Где" value={place(o)} />
          {o.regionName && <Fact label="Регион" value={o.regionName} />}
          {when && <Fact label="Когда" value={when} />}
          <Fact label="Стоимость" value={o.free ? 'Бесплатно' : (o.priceNote ?? 'Платно')} />
          {o.ovzAccessible && o.ovzNotes && <Fact label="Условия для детей с ОВЗ" value={o.ovzNotes} />}
          {o.contact && <Fact label="Контакт" value={o.contact} />}
        </Stack>
      </Card>
      {o.programmes.length > 0 && (
        <Stack gap="xs">
          <Title order={2} size="h3">
            Программы обучения
          </Title>
          <List>
            {o.programmes.map((p) => (
              <List.Item key={p}>{p}</List.Item>
            ))}
          </List>
        </Stack>
      )}
      {(o.spheres.length > 0 || o.competencies.length > 0) && (
        <Stack gap="xs">
          <Title order={2} size="h3">
            Сферы и компетенции
          </Title>
          <Group gap="xs">
            {[...o.spheres.map((s) => ({ ...s, key: `sphere-${s.id}` })), ...o.competencies.map((c) => ({ ...c, key: `competency-${c.id}` }))].map((item) => (
              <Badge key={item.key} variant="outline" color="gray.8" style={{ textTransform: 'none' }}>
                {item.name}
              </Badge>
            ))}
          </Group>
        </Stack>
      )}
      {o.url && (
        <Anchor href={o.url} target="_blank" rel="noopener noreferrer nofollow" size="lg">
          Сайт организации (откроется в новой вкладке)
        </Anchor>
      )}
    </Stack>
  );
}
