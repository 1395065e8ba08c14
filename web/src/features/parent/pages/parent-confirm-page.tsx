import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { Button, Card, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { parentProfileUpdateSchema } from '@common/schemas/identity.js';
import { FormAlert, LoadError, PageLoader, PageTitle } from '@web/lib/components/page';
import { schemaErrors, useFormFeedback } from '@web/lib/forms';
import { formatDate, fullName } from '@web/lib/format';
import { safeReturnPath } from '@web/lib/navigation';
import { useConfirmParent } from '../api/parent-api';
import { useParentCabinet } from '@web/lib/parent-cabinet';
import { Fact } from '@web/lib/components/fact';

/** A parent's first visit: the data from Госуслуги is checked by its owner before the cabinet opens. */
export function ParentConfirmPage() {
  const [params] = useSearchParams();
  const next = safeReturnPath(params.get('returnTo')) ?? '/parent';
  const navigate = useNavigate();
  const cabinet = useParentCabinet();
  const confirm = useConfirmParent();
  const form = useForm({
    initialValues: { phone: '' },
    validate: (values) => (values.phone.trim() ? schemaErrors(parentProfileUpdateSchema, values) : {}),
  });
  const feedback = useFormFeedback(form);

  if (cabinet.isPending) return <PageLoader />;
  if (cabinet.isError) return <LoadError error={cabinet.error} onRetry={() => void cabinet.refetch()} />;
  const { account } = cabinet.data;
  if (account.status === 'active' && !confirm.isPending && !confirm.isSuccess) return <Navigate to={next} replace />;

  const submit = form.onSubmit((values) => {
    feedback.setAlert(null);
    const phone = values.phone.trim() ? values.phone : undefined;
    confirm.mutate(phone ? { phone } : {}, { onSuccess: () => void navigate(next, { replace: true }), onError: feedback.onError });
  }, feedback.onInvalid);

  return (
    <Stack gap="lg" maw={640}>
      <PageTitle lead="Мы получили эти данные из Госуслуг. Проверьте их — и кабинет родителя откроется.">Проверьте ваши данные</PageTitle>
      <Card withBorder padding="lg">
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md">
          <Fact label="ФИО" value={fullName(account)} />
          <Fact label="Дата рождения" value={account.birthDate ? formatDate(account.birthDate) : 'не указана'} />
          <Fact label="СНИЛС" value={account.snilsMasked} />
          <Fact label="Почта для писем" value={account.email} />
        </SimpleGrid>
      </Card>
      <Text>
        Если что-то неверно, исправьте это в профиле на Госуслугах и войдите снова — данные обновятся сами. На указанную почту мы будем
        присылать письма о ребёнке.
      </Text>
      <form ref={feedback.ref} onSubmit={submit} noValidate>
        <Stack gap="sm">
          <TextInput
            label="Телефон"
            description="Необязательно. Пригодится, если организаторам мероприятия нужно будет связаться с вами. Например, +7 900 123-45-67"
            type="tel"
            autoComplete="tel"
            {...form.getInputProps('phone')}
          />
          <FormAlert message={feedback.alert} />
          <Button type="submit" size="lg" loading={confirm.isPending} style={{ alignSelf: 'flex-start' }}>
            Всё верно, продолжить
          </Button>
        </Stack>
      </form>
    </Stack>
  );
}
