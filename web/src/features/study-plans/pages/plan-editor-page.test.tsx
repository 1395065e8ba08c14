import { fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { StudyPlanEditorView } from '@common/schemas/study-plans.js';
import { callsTo, mockApi, renderPage } from '@web/test/render';
import { PlanEditorPage } from './plan-editor-page';

afterEach(() => vi.unstubAllGlobals());

const view: StudyPlanEditorView = {
  participantId: 'p1',
  name: 'Иванов Пётр',
  grade: 9,
  stage: 'plan_drafted',
  content: {
    grade: 9,
    strengths: [{ code: 'attention', name: 'Внимание', evidence: '80 из 100: наставник отметил на пробе «Веб»' }],
    interests: [{ code: 'it', name: 'ИТ и цифровые технологии', evidence: '90 из 100 по 2 источникам' }],
    profile: { code: 'technological', reason: 'Сильнее всего интерес к ИТ' },
    subjects: [{ name: 'Информатика', reason: 'Углубить' }],
    activities: [],
    opportunities: [],
    trials: [],
    steps: [{ id: 'more-tests', text: 'Пройти ещё один тест', due: '2027-01-15' }],
    navigatorNote: null,
  },
  systemDraft: true,
  draftedAt: '2026-12-01T09:00:00Z',
  draftPending: true,
  publishedVersion: null,
  versions: [],
  stepsDone: [],
};

describe('the plan editor', () => {
  it('shows the system’s draft and publishes it with the navigator’s word and a new step', async () => {
    const fetchMock = mockApi({
      'GET /api/staff/study-plans/p1': { body: view },
      'POST /api/staff/study-plans/p1/publish': { body: { ...view, stage: 'plan_published', publishedVersion: 1, systemDraft: false } },
    });
    renderPage(<PlanEditorPage />, { path: '/staff/pupils/:pupilId/plan', url: '/staff/pupils/p1/plan' });

    expect(await screen.findByText('План: Иванов Пётр')).toBeInTheDocument();
    expect(screen.getByText('Черновик системы')).toBeInTheDocument();
    expect(screen.getByLabelText('Качество 1')).toHaveValue('Внимание');
    expect(screen.getByLabelText('Профиль')).toHaveValue('Технологический');

    fireEvent.change(screen.getByLabelText('Личное обращение к ученику'), { target: { value: 'Ты молодец!' } });
    fireEvent.click(screen.getByRole('button', { name: 'Добавить шаг' }));
    fireEvent.change(screen.getByLabelText('Шаг 2'), { target: { value: 'Сходить на день открытых дверей' } });
    fireEvent.click(screen.getByRole('button', { name: 'Опубликовать' }));

    expect(await screen.findByText('План опубликован: ученик и родители получили уведомление.')).toBeInTheDocument();
    const [sent] = callsTo(fetchMock, 'POST /api/staff/study-plans/p1/publish') as Array<{ content: { navigatorNote: string; steps: unknown[]; grade?: number } }>;
    expect(sent!.content.navigatorNote).toBe('Ты молодец!');
    expect(sent!.content.steps).toEqual([
      { id: 'more-tests', text: 'Пройти ещё один тест', due: '2027-01-15' },
      { text: 'Сходить на день открытых дверей', due: null },
    ]);
    expect(sent!.content.grade).toBeUndefined();
  });

  it('shows the server’s Russian messages when the draft is refused', async () => {
    mockApi({
      'GET /api/staff/study-plans/p1': { body: view },
      'PUT /api/staff/study-plans/p1/draft': {
        status: 400,
        body: { error: { code: 'validation', message: 'Проверьте введённые данные', fields: { navigatorNote: 'HTML-разметка не допускается: пишите обычным текстом' } } },
      },
    });
    renderPage(<PlanEditorPage />, { path: '/staff/pupils/:pupilId/plan', url: '/staff/pupils/p1/plan' });

    await screen.findByText('План: Иванов Пётр');
    fireEvent.click(screen.getByRole('button', { name: 'Сохранить черновик' }));
    expect(await screen.findByText('HTML-разметка не допускается: пишите обычным текстом')).toBeInTheDocument();
  });
});
