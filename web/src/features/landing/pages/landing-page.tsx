import { Link } from 'react-router';
import { Anchor, Button, Card, Group, List, SimpleGrid, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { PageTitle } from '@web/lib/components/page';
import { esiaSignInUrl } from '@web/lib/navigation';
import { homePathFor, useSession } from '@web/lib/session';

const STEPS = [
  {
    title: 'Зарегистрируйся',
    text: 'Заполни анкету за пять минут и пригласи родителя: он подтвердит участие через Госуслуги.',
  },
  {
    title: 'Узнай себя',
    text: 'Пройди онлайн-диагностику: она подскажет, какие занятия тебе интересны и что получается лучше всего.',
  },
  {
    title: 'Попробуй профессию',
    text: 'Запишись на профессиональные пробы: наставники покажут работу изнутри, а ты получишь рекомендации, куда двигаться дальше.',
  },
];

const AUDIENCES = [
  {
    title: 'Школьникам',
    text: 'Для учеников 6–11 классов. Разобраться, что нравится, попробовать разные профессии и понять, какие предметы пригодятся.',
  },
  {
    title: 'Родителям',
    text: 'Вход через Госуслуги, согласия в пару нажатий и всё об участии ребёнка — в одном кабинете.',
  },
  {
    title: 'Школам и площадкам',
    text: 'Школы сопровождают учеников с педагогами-навигаторами, а колледжи и предприятия проводят пробы с наставниками.',
  },
];

export function LandingPage() {
  const session = useSession();
  const account = session.data;

  return (
    <Stack gap={48}>
      <Stack gap="md">
        <PageTitle lead="Бесплатная программа ранней профориентации для школьников 6–11 классов: онлайн-диагностика, профессиональные пробы с наставниками и личные рекомендации.">
          Билет в будущее
        </PageTitle>
        {account ? (
          <Group>
            <Button component={Link} to={homePathFor(account.role)} size="lg">
              Перейти в кабинет
            </Button>
          </Group>
        ) : (
          <Stack gap="sm" align="flex-start">
            <Group gap="sm">
              <Button component={Link} to="/register" size="lg">
                Зарегистрироваться
              </Button>
              <Button component={Link} to="/signin" size="lg" variant="outline">
                Войти
              </Button>
            </Group>
            <Anchor href={esiaSignInUrl()} fw={600} size="lg">
              Я родитель — войти через Госуслуги
            </Anchor>
          </Stack>
        )}
      </Stack>

      <Stack gap="md" component="section" aria-labelledby="how-title">
        <Title order={2} id="how-title">
          Как это работает
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
          {STEPS.map((step, i) => (
            <Card key={step.title} withBorder padding="lg">
              <Stack gap="xs">
                <Group gap="sm" wrap="nowrap">
                  <ThemeIcon size="lg" radius="xl" aria-hidden>
                    {i + 1}
                  </ThemeIcon>
                  <Title order={3}>{step.title}</Title>
                </Group>
                <Text>{step.text}</Text>
              </Stack>
            </Card>
          ))}
        </SimpleGrid>
      </Stack>

      <Stack gap="md" component="section" aria-labelledby="who-title">
        <Title order={2} id="who-title">
          Для кого
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
          {AUDIENCES.map((a) => (
            <Card key={a.title} withBorder padding="lg" bg="bilet.0">
              <Stack gap="xs">
                <Title order={3}>{a.title}</Title>
                <Text>{a.text}</Text>
              </Stack>
            </Card>
          ))}
        </SimpleGrid>
      </Stack>

      <Stack gap="sm" component="section" aria-labelledby="free-title">
        <Title order={2} id="free-title">
          Сколько стоит
        </Title>
        <Text>Нисколько. Участие бесплатное для школьников и их семей.</Text>
        <List spacing="xs">
          <List.Item>Нужны СНИЛС ребёнка и согласие родителя на обработку данных.</List.Item>
          <List.Item>Родители входят только через Госуслуги — пароль им не нужен.</List.Item>
          <List.Item>Данные защищены по закону № 152-ФЗ «О персональных данных».</List.Item>
        </List>
      </Stack>
    </Stack>
  );
}
