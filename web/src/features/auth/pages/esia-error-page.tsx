import { Link, useSearchParams } from 'react-router';
import { Anchor, Button, Group, Stack, Text, VisuallyHidden } from '@mantine/core';
import { PageTitle } from '@web/lib/components/page';
import { esiaSignInUrl } from '@web/lib/navigation';
import { SUPPORT_EMAIL } from '@web/lib/site';

interface Explanation {
  title: string;
  what: string;
  todo: string;
  /** The fix is in the person's Госуслуги profile, not here. */
  fixOnGosuslugi?: boolean;
}

const REASONS: Record<string, Explanation> = {
  no_snils: {
    title: 'В Госуслугах не указан СНИЛС',
    what: 'В вашей учётной записи Госуслуг не указан СНИЛС. Без него мы не можем надёжно связать ваш кабинет с кабинетом ребёнка.',
    todo: 'Добавьте СНИЛС в профиле на Госуслугах — обычно его проверяют за несколько минут — и попробуйте снова.',
    fixOnGosuslugi: true,
  },
  no_email: {
    title: 'В Госуслугах не указана почта',
    what: 'В вашей учётной записи Госуслуг нет адреса электронной почты. На него мы присылаем приглашения от ребёнка и важные напоминания.',
    todo: 'Добавьте и подтвердите адрес почты в профиле на Госуслугах и попробуйте снова.',
    fixOnGosuslugi: true,
  },
  incomplete_profile: {
    title: 'Профиль на Госуслугах заполнен не полностью',
    what: 'Нам не хватило фамилии, имени или даты рождения из вашего профиля.',
    todo: 'Проверьте, что эти данные указаны в профиле на Госуслугах, а учётная запись подтверждена, и попробуйте снова.',
    fixOnGosuslugi: true,
  },
  bad_snils: {
    title: 'СНИЛС не прошёл проверку',
    what: 'СНИЛС, который передали Госуслуги, не прошёл проверку контрольного числа.',
    todo: `Проверьте номер в профиле на Госуслугах. Если там всё верно, напишите нам на ${SUPPORT_EMAIL} — разберёмся.`,
    fixOnGosuslugi: true,
  },
  access_denied: {
    title: 'Вход не разрешён',
    what: 'На Госуслугах не было дано разрешение передать ваши данные программе «Билет в будущее». Без них мы не можем открыть кабинет.',
    todo: 'Попробуйте ещё раз и на странице Госуслуг разрешите доступ к данным.',
  },
  provider_unavailable: {
    title: 'Госуслуги сейчас не отвечают',
    what: 'Похоже, сервис Госуслуг временно недоступен.',
    todo: 'Подождите несколько минут и попробуйте снова.',
  },
  provider_error: {
    title: 'Не получилось войти через Госуслуги',
    what: 'Во время обмена данными с Госуслугами что-то пошло не так.',
    todo: `Попробуйте войти ещё раз. Если ошибка повторится, напишите нам на ${SUPPORT_EMAIL}.`,
  },
  session_expired: {
    title: 'Время на вход истекло',
    what: 'Вход через Госуслуги нужно завершить за 10 минут в том же окне браузера, где он начался.',
    todo: 'Просто попробуйте ещё раз.',
  },
};

const UNKNOWN: Explanation = {
  title: 'Не получилось войти через Госуслуги',
  what: 'Вход через Госуслуги не завершился.',
  todo: 'Попробуйте ещё раз.',
};

export function EsiaErrorPage() {
  const [params] = useSearchParams();
  const reason = params.get('reason') ?? '';
  const explanation = REASONS[reason] ?? UNKNOWN;

  return (
    <Stack gap="md" maw={640}>
      <PageTitle>{explanation.title}</PageTitle>
      <Text size="lg">{explanation.what}</Text>
      <Text>{explanation.todo}</Text>
      <Group>
        <Button component="a" href={esiaSignInUrl()}>
          Попробовать ещё раз
        </Button>
        {explanation.fixOnGosuslugi && (
          <Button component="a" href="https://www.gosuslugi.ru/" target="_blank" rel="noopener noreferrer" variant="outline">
            Открыть Госуслуги
            <VisuallyHidden> (в новой вкладке)</VisuallyHidden>
          </Button>
        )}
      </Group>
      <Anchor component={Link} to="/">
        На главную
      </Anchor>
    </Stack>
  );
}
