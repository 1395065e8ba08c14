import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SUPPORT_DRAFT_KEY, type SupportDraft } from '@common/support/draft.js';
import { mockApi, renderPage } from '@web/test/render';
import { NewRequestPage } from './new-request-page';

afterEach(() => {
  vi.unstubAllGlobals();
  sessionStorage.clear();
});

const signedOut = {
  'GET /api/auth/session': { body: { account: null } },
  'GET /api/regions': { body: { regions: [{ id: 43, code: '43', name: 'Кировская область' }] } },
};

const draft: SupportDraft = {
  text: 'Где посмотреть результаты теста ребёнка?',
  topic: 'diagnostics',
  conversation: [
    { author: 'person', text: 'результаты теста' },
    { author: 'bot', text: 'Не нашёл ответа. Отправьте обращение.' },
  ],
};

describe('the request form', () => {
  it('opens with what the chat bot handed over, shows the conversation and clears the hand-over', async () => {
    sessionStorage.setItem(SUPPORT_DRAFT_KEY, JSON.stringify(draft));
    mockApi(signedOut);
    renderPage(<NewRequestPage />, { path: '/support/new' });
    expect(await screen.findByRole('heading', { name: 'Переписка с чат-ботом' })).toBeInTheDocument();
    expect(screen.getByText('результаты теста')).toBeInTheDocument();
    expect(screen.getByLabelText(/Ваш вопрос/)).toHaveValue(draft.text);
    expect(screen.getByLabelText(/Тема обращения/)).toHaveValue('Онлайн-диагностика');
    expect(sessionStorage.getItem(SUPPORT_DRAFT_KEY)).toBeNull();
  });

  it('ignores a broken hand-over and names every missing required field without sending anything', async () => {
    sessionStorage.setItem(SUPPORT_DRAFT_KEY, '{not json');
    const fetchMock = mockApi(signedOut);
    renderPage(<NewRequestPage />, { path: '/support/new' });
    expect(screen.queryByRole('heading', { name: 'Переписка с чат-ботом' })).not.toBeInTheDocument();
    await userEvent.click(await screen.findByRole('button', { name: 'Отправить обращение' }));
    for (const message of ['Выберите регион', 'Укажите фамилию', 'Укажите имя', 'Проверьте адрес электронной почты', 'Выберите тему обращения', 'Опишите вопрос']) {
      expect(screen.getByText(message)).toBeInTheDocument();
    }
    expect(fetchMock.mock.calls.some(([url]) => String(url).includes('/support/requests'))).toBe(false);
  });
});
