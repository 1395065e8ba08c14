import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SUPPORT_DRAFT_KEY } from '@common/support/draft.js';
import { mockApi, renderPage } from '@web/test/render';
import { HelpBot } from './help-bot';

// jsdom has no FontFaceSet; the question's autosizing field listens to it.
if (!('fonts' in document)) Object.defineProperty(document, 'fonts', { value: new EventTarget(), configurable: true });

afterEach(() => {
  vi.unstubAllGlobals();
  sessionStorage.clear();
});

const nothing = { reply: 'Я не нашёл ответа в справочном центре.', articles: [], nudges: [], offerSupport: true, topic: 'Запись на практические мероприятия' };

describe('the chat bot', () => {
  it('shows the article and its passage as text, marks the matched words', async () => {
    mockApi({
      'POST /api/help/bot': {
        body: {
          reply: 'Вот статья, которая должна помочь:',
          articles: [{ slug: 'faq', title: 'Частые вопросы', summary: '', audience: 'everyone', topic: 'faq', passage: [{ text: '<b>Сколько</b> ', hit: false }, { text: 'стоит', hit: true }] }],
          nudges: [{ text: 'Ты ещё не прошёл ни одного теста — вот как.', slug: 'onlain-diagnostika' }],
          offerSupport: false,
        },
      },
    });
    renderPage(<HelpBot />, { path: '/' });
    await userEvent.click(screen.getByRole('button', { name: 'Помощь' }));
    const dialog = screen.getByRole('dialog', { name: 'Помощь' });
    await userEvent.type(within(dialog).getByLabelText('Ваш вопрос'), 'сколько стоит{Enter}');
    expect(await within(dialog).findByRole('link', { name: 'Частые вопросы' })).toHaveAttribute('href', '/help/faq');
    expect(within(dialog).getByText('стоит').tagName).toBe('MARK');
    expect(within(dialog).getByText(/<b>Сколько<\/b>/)).toBeInTheDocument();
    expect(within(dialog).getByText(/Ты ещё не прошёл ни одного теста/)).toBeInTheDocument();
    expect(within(dialog).getByRole('button', { name: 'Не помогло' })).toBeInTheDocument();
  });

  it('hands the conversation to the request form when nothing helped', async () => {
    mockApi({ 'POST /api/help/bot': { body: nothing } });
    renderPage(<HelpBot />, { path: '/' });
    await userEvent.click(screen.getByRole('button', { name: 'Помощь' }));
    const dialog = screen.getByRole('dialog', { name: 'Помощь' });
    await userEvent.type(within(dialog).getByLabelText('Ваш вопрос'), 'Можно ли с собакой?');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Спросить' }));
    await userEvent.click(await within(dialog).findByRole('button', { name: 'Написать в поддержку' }));
    expect(screen.getByTestId('location')).toHaveTextContent('/support/new');
    expect(JSON.parse(sessionStorage.getItem(SUPPORT_DRAFT_KEY)!)).toEqual({
      text: 'Можно ли с собакой?',
      topic: 'Запись на практические мероприятия',
      conversation: [
        { author: 'person', text: 'Можно ли с собакой?' },
        { author: 'bot', text: nothing.reply },
      ],
    });
  });
});
