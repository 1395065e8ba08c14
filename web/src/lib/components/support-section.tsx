import { Link } from 'react-router';
import { Anchor, Group, Stack, Text, Title } from '@mantine/core';

/** The cabinet's way to the programme's support: a new request, and the person's own requests with their answers. */
export function SupportSection({ myRequestsPath }: { myRequestsPath: string }) {
  return (
    <Stack gap="xs" component="section" aria-labelledby="support-title">
      <Title order={2} id="support-title">
        Поддержка
      </Title>
      <Text>Если что-то не получается, напишите нам: ответ придёт в кабинет и на почту.</Text>
      <Group gap="lg">
        <Anchor component={Link} to="/support/new">
          Написать в поддержку
        </Anchor>
        <Anchor component={Link} to={myRequestsPath}>
          Мои обращения
        </Anchor>
      </Group>
    </Stack>
  );
}
