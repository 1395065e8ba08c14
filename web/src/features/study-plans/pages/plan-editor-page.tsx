import { useEffect, useState } from 'react';
import { Alert, Anchor, Badge, Button, Fieldset, Group, Select, Stack, Text, Textarea } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { PLAN_STAGE_LABELS, SCHOOL_PROFILES, SCHOOL_PROFILE_LABELS, type SchoolProfile, type StudyPlanContent } from '@common/guidance.js';
import type { StudyPlanEdit } from '@common/schemas/study-plans.js';
import { ApiError, errorMessage } from '@web/lib/api-client';
import { LoadError, PageLoader, PageTitle } from '@web/lib/components/page';
import { formatDateTime } from '@web/lib/format';
import { usePlanEditor, usePublishPlan, useSavePlan } from '../api/study-plans-api';
import { PlanListEditor } from '../components/plan-list-editor';

const EMPTY: StudyPlanEdit = { strengths: [], interests: [], profile: null, subjects: [], activities: [], opportunities: [], trials: [], steps: [], navigatorNote: null };

const editOf = (content: StudyPlanContent | null): StudyPlanEdit => {
  if (!content) return EMPTY;
  const { grade: _grade, ...rest } = content;
  return rest;
};

/** A code for a strength or interest the navigator adds by hand; the system's own come from the reference model. */
const customCode = () => `custom-${Date.now().toString(36)}`;

/** The navigator reviews the system's draft, edits every section, adds a personal word and publishes. */
export function PlanEditorPage() {
  const { pupilId = '' } = useParams();
  const editor = usePlanEditor(pupilId);
  const save = useSavePlan(pupilId);
  const publish = usePublishPlan(pupilId);
  const [plan, setPlan] = useState<StudyPlanEdit>(EMPTY);
  const [message, setMessage] = useState<{ ok: boolean; text: string; fields?: string[] } | null>(null);
  const data = editor.data;

  useEffect(() => {
    if (data) setPlan(editOf(data.content));
  }, [data]);

  if (editor.isPending) return <PageLoader />;
  if (editor.isError) return <LoadError error={editor.error} onRetry={() => void editor.refetch()} />;
  const view = editor.data;
  const senior = view.grade >= 8;
  const change = <K extends keyof StudyPlanEdit>(key: K) => (value: StudyPlanEdit[K]) => setPlan((p) => ({ ...p, [key]: value }));

  const submit = async (action: 'save' | 'publish') => {
    setMessage(null);
    try {
      if (action === 'save') await save.mutateAsync(plan);
      else await publish.mutateAsync(plan);
      setMessage({ ok: true, text: action === 'save' ? 'Черновик сохранён.' : 'План опубликован: ученик и родители получили уведомление.' });
    } catch (e) {
      setMessage({ ok: false, text: errorMessage(e), fields: e instanceof ApiError ? Object.values(e.fields) : [] });
    }
  };
  const busy = save.isPending || publish.isPending;

  return (
    <Stack gap="lg" maw={900}>
      <Anchor component={Link} to="/staff/plans" size="sm">
        ← Все планы
      </Anchor>
      <PageTitle lead={`${view.grade} класс. Проверьте, что подготовила система, поправьте любой раздел и добавьте своё слово ученику.`}>
        {`План: ${view.name}`}
      </PageTitle>
      <Group gap="xs">
        <Badge variant="light">{PLAN_STAGE_LABELS[view.stage]}</Badge>
        {view.systemDraft && <Badge color="orange" variant="light">Черновик системы</Badge>}
        {view.publishedVersion && <Text size="sm" c="dimmed">{`Опубликована версия ${view.publishedVersion}`}</Text>}
        {view.draftedAt && <Text size="sm" c="dimmed">{`Черновик от ${formatDateTime(view.draftedAt)}`}</Text>}
      </Group>
      {!view.content && (
        <Alert color="blue" title="Черновика пока нет">
          Система готовит план после первой пробы ученика с отзывом наставника. Вы можете составить план сами.
        </Alert>
      )}

      <Fieldset legend="Слово навигатора">
        <Textarea
          label="Личное обращение к ученику"
          description="Его увидят ученик и родители в начале плана."
         
          minRows={3}
          value={plan.navigatorNote ?? ''}
          onChange={(e) => change('navigatorNote')(e.currentTarget.value || null)}
        />
      </Fieldset>
      <PlanListEditor
        legend="Сильные стороны"
        items={plan.strengths}
        fields={[{ key: 'name', label: 'Качество' }, { key: 'evidence', label: 'На чём основано', long: true }]}
        onChange={change('strengths')}
        blank={() => ({ code: customCode(), name: '', evidence: '' })}
        addLabel="Добавить сильную сторону"
      />
      <PlanListEditor
        legend="Интересы"
        items={plan.interests}
        fields={[{ key: 'name', label: 'Сфера' }, { key: 'evidence', label: 'На чём основано', long: true }]}
        onChange={change('interests')}
        blank={() => ({ code: customCode(), name: '', evidence: '' })}
        addLabel="Добавить интерес"
      />
      {senior && (
        <Fieldset legend="Профиль обучения в старшей школе">
          <Stack gap="xs">
            <Select
              label="Профиль"
              placeholder="Не рекомендовать"
              clearable
              data={SCHOOL_PROFILES.map((p) => ({ value: p, label: SCHOOL_PROFILE_LABELS[p] }))}
              value={plan.profile?.code ?? null}
              onChange={(code) => change('profile')(code ? { code: code as SchoolProfile, reason: plan.profile?.reason ?? '' } : null)}
            />
            {plan.profile && (
              <Textarea
                label="Почему этот профиль"
               
                value={plan.profile.reason}
                onChange={(e) => change('profile')({ code: plan.profile!.code, reason: e.currentTarget.value })}
              />
            )}
          </Stack>
        </Fieldset>
      )}
      <PlanListEditor
        legend={senior ? 'Предметы, которые стоит углубить' : 'Предметы, к которым стоит присмотреться'}
        items={plan.subjects}
        fields={[{ key: 'name', label: 'Предмет' }, { key: 'reason', label: 'Почему', long: true }]}
        onChange={change('subjects')}
        blank={() => ({ name: '', reason: '' })}
        addLabel="Добавить предмет"
      />
      {!senior && (
        <PlanListEditor
          legend="Что попробовать"
          items={plan.activities}
          fields={[{ key: 'name', label: 'Занятие' }, { key: 'reason', label: 'Почему', long: true }]}
          onChange={change('activities')}
          blank={() => ({ name: '', reason: '' })}
          addLabel="Добавить занятие"
        />
      )}
      <PlanListEditor
        legend="Кружки, курсы и возможности региона"
        items={plan.opportunities}
        fields={[{ key: 'title', label: 'Название' }, { key: 'reason', label: 'Почему', long: true }]}
        onChange={change('opportunities')}
      />
      <PlanListEditor
        legend="Следующие пробы"
        items={plan.trials}
        fields={[{ key: 'title', label: 'Проба' }, { key: 'reason', label: 'Почему', long: true }]}
        onChange={change('trials')}
      />
      <PlanListEditor
        legend="Цели на четверть"
        items={plan.steps}
        fields={[{ key: 'text', label: 'Шаг', long: true }, { key: 'due', label: 'Срок', type: 'date' }]}
        onChange={change('steps')}
        blank={() => ({ text: '', due: null })}
        addLabel="Добавить шаг"
      />

      {message && (
        <Alert color={message.ok ? 'green' : 'red'} role={message.ok ? 'status' : 'alert'} title={message.ok ? 'Готово' : 'Не сохранено'}>
          {message.text}
          {message.fields?.map((f) => (
            <Text key={f} size="sm">
              {f}
            </Text>
          ))}
        </Alert>
      )}
      <Group>
        <Button variant="light" onClick={() => void submit('save')} loading={save.isPending} disabled={busy}>
          Сохранить черновик
        </Button>
        <Button onClick={() => void submit('publish')} loading={publish.isPending} disabled={busy}>
          Опубликовать
        </Button>
      </Group>
    </Stack>
  );
}
