import { Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { updateOrganisationSchema } from '@common/schemas/organisations.js';
import { FormFooter } from '@web/lib/components/form-footer';
import { schemaErrors, useFormFeedback, validateOnBlur } from '@web/lib/forms';
import { useUpdateOrganisation, type OrganisationCard } from '../api/organisations-api';
import { OrganisationFields, organisationPayload, type OrganisationValues } from './organisation-fields';

function valuesOf(card: OrganisationCard): OrganisationValues {
  return {
    name: card.name,
    inn: card.inn,
    ogrn: card.ogrn,
    cityId: String(card.cityId),
    address: card.address,
    phone: card.phone ?? '',
    email: card.email ?? '',
    website: card.website ?? '',
    headName: card.headName ?? '',
    description: card.description ?? '',
    competencyIds: card.competencies.map((c) => String(c.id)),
  };
}

/**
 * Edits the profile and sends only what changed, so two people editing different fields do not
 * overwrite each other. ИНН and ОГРН are offered only to whoever may correct them.
 */
export function OrganisationEditForm({ card, onDone }: { card: OrganisationCard; onDone: () => void }) {
  const update = useUpdateOrganisation(card.kind, card.id);
  const withLegalIds = card.permissions.changeLegalIds;
  const form = useForm<OrganisationValues>({
    initialValues: valuesOf(card),
    enhanceGetInputProps: validateOnBlur,
    validate: (values) => schemaErrors(updateOrganisationSchema, organisationPayload(values, card.kind, withLegalIds)),
  });
  const feedback = useFormFeedback(form);

  const submit = form.onSubmit(
    (values) => {
      feedback.setAlert(null);
      const changed = Object.fromEntries(
        Object.entries(organisationPayload(values, card.kind, withLegalIds)).filter(([field]) => form.isDirty(field)),
      );
      if (Object.keys(changed).length === 0) {
        feedback.setAlert('Вы ничего не изменили');
        return;
      }
      const parsed = updateOrganisationSchema.safeParse(changed);
      if (!parsed.success) return;
      update.mutate(parsed.data, {
        onSuccess: () => {
          notifications.show({ color: 'green', title: 'Изменения сохранены', message: values.name });
          onDone();
        },
        onError: feedback.onError,
      });
    },
    feedback.onInvalid,
  );

  return (
    <form ref={feedback.ref} onSubmit={submit} noValidate>
      <Stack gap="md">
        {!withLegalIds && <Text size="sm">ИНН и ОГРН исправляет региональный координатор.</Text>}
        <OrganisationFields kind={card.kind} regionId={card.regionId} withLegalIds={withLegalIds} input={(field) => form.getInputProps(field)} />
        <FormFooter alert={feedback.alert} pending={update.isPending} onCancel={onDone} />
      </Stack>
    </form>
  );
}
