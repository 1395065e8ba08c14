import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mockApi, renderPage } from '@web/test/render';
import { HelpHomePage } from './help-home-page';

afterEach(() => vi.unstubAllGlobals());

const articles = [
  { slug: 'registratsiya-uchastnika', audience: 'participant', topic: 'registration', title: 'Регистрация школьника', summary: 'Как зарегистрироваться.' },
  { slug: 'soglasiya-roditelya', audience: 'parent', topic: 'consents', title: 'Согласие родителя', summary: 'Где дать согласие.' },
  { slug: 'faq', audience: 'everyone', topic: 'faq', title: 'Частые вопросы', summary: 'Ответы.' },
];

describe('the help centre’s index', () => {
  it('lists the chosen audience’s articles by topic, with those for everyone', async () => {
    mockApi({ 'GET /api/help/articles': { body: { articles } } });
    renderPage(<HelpHomePage />, { path: '/help', url: '/help?for=parent' });
    expect(await screen.findByRole('link', { name: 'Согласие родителя' })).toHaveAttribute('href', '/help/soglasiya-roditelya');
    expect(screen.getAllByRole('link', { name: 'Частые вопросы' }).map((a) => a.getAttribute('href'))).toEqual(['/help/faq', '/help/faq']);
    expect(screen.queryByRole('link', { name: 'Регистрация школьника' })).not.toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Согласия и правовые вопросы' })).toBeInTheDocument();
  });

  it('searches as the person types and marks the matched words of each passage', async () => {
    mockApi({
      'GET /api/help/articles': { body: { articles } },
      [`GET /api/help/search?q=${encodeURIComponent('запись')}`]: {
        body: { hits: [{ slug: 'zapis-na-proby', title: 'Как записаться на пробу', summary: '', audience: 'participant', topic: 'events', passage: [{ text: 'Как ', hit: false }, { text: 'записаться', hit: true }] }] },
      },
    });
    renderPage(<HelpHomePage />, { path: '/help' });
    await userEvent.type(screen.getByLabelText(/Поиск по справочному центру/), 'запись');
    expect(await screen.findByRole('link', { name: 'Как записаться на пробу' })).toBeInTheDocument();
    expect(screen.getByText('записаться').tagName).toBe('MARK');
    expect(screen.getByTestId('location')).toHaveTextContent('/help?q=%D0%B7%D0%B0%D0%BF%D0%B8%D1%81%D1%8C');
  });
});
