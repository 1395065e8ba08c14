import { Link } from 'react-router';
import { Button, Group, Stack, Text } from '@mantine/core';
import { PageTitle } from '../lib/components/page';

export function NotFoundPage() {
  return (
    <Stack gap="md">
      <PageTitle>Такой страницы нет</PageTitle>
      <Text>Возможно, в адресе опечатка или ссылка устарела. Начните с главной страницы или войдите в кабинет.</Text>
      <Group>
        <Button component={Link} to="/">
          На главную
        </Button>
        <Button component={Link} to="/signin" variant="outline">
          Войти
        </Button>
      </Group>
    </Stack>
  );
}

export function RouteErrorPage() {
  return (
    <Stack gap="md" p="lg">
      <PageTitle>Что-то пошло не так</PageTitle>
      <Text>Страница не загрузилась. Обновите её — обычно это помогает. Если ошибка повторяется, попробуйте чуть позже.</Text>
      <Group>
        <Button onClick={() => window.location.reload()}>Обновить страницу</Button>
      </Group>
    </Stack>
  );
}
