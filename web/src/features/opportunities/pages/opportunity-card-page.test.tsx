import { screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { OpportunityCard } from '@common/guidance.js';
import { mockApi, renderPage } from '@web/test/render';
import { OpportunityCardPage } from './opportunity-card-page';

afterEach(() => vi.unstubAllGlobals());

const card: OpportunityCard = {
  id: 'op1',
  kind: 'college',
  title: 'День открытых дверей отделения ИТ',
  provider: 'Колледж цифровых технологий «Вятка-Код»',
  description: 'Экскурсия по лабораториям и мастер-класс.',
  programmes: ['09.02.07 — Информационные системы и программирование'],
  spheres: [{ id: 1, code: 'it', name: 'ИТ и цифровые технологии' }],
  competencies: [{ id: 5, code: 'web-technologies', name: 'Веб-технологии' }],
  gradeFrom: 8,
  gradeTo: 11,
  cityName: 'Киров',
  regionName: 'Кировская область',
  address: 'ул. Ленина, 112',
  online: false,
  ovzAccessible: true,
  ovzNotes: 'Вход без ступеней, лифт',
  free: false,
  priceNote: 'Платно: 500 ₽',
  startsOn: '2027-03-12',
  endsOn: '2027-03-12',
  url: 'https://vyatka-code.example.ru',
  contact: 'priem@vyatka-code.example.ru',
  federal: false,
};

describe('the opportunity card', () => {
  it('shows a family everything it needs to decide, with the link opening apart', async () => {
    mockApi({ 'GET /api/opportunities/op1': { body: card } });
    renderPage(<OpportunityCardPage />, { path: '/opportunities/:opportunityId', url: '/opportunities/op1' });

    expect(await screen.findByRole('heading', { level: 1, name: card.title })).toBeInTheDocument();
    expect(screen.getByText(card.provider)).toBeInTheDocument();
    expect(screen.getByText('8–11 классы')).toBeInTheDocument();
    expect(screen.getByText('Киров, ул. Ленина, 112')).toBeInTheDocument();
    expect(screen.getByText('Платно: 500 ₽')).toBeInTheDocument();
    expect(screen.getByText('Вход без ступеней, лифт')).toBeInTheDocument();
    expect(screen.getByText('09.02.07 — Информационные системы и программирование')).toBeInTheDocument();
    expect(screen.getByText('Веб-технологии')).toBeInTheDocument();
    const link = screen.getByRole('link', { name: /Сайт организации/ });
    expect(link).toHaveAttribute('href', card.url);
    expect(link).toHaveAttribute('rel', expect.stringContaining('noopener'));
  });

  it('says so when the card is closed', async () => {
    mockApi({ 'GET /api/opportunities/op2': { status: 404, body: { error: { code: 'not_found', message: 'Возможность не найдена' } } } });
    renderPage(<OpportunityCardPage />, { path: '/opportunities/:opportunityId', url: '/opportunities/op2' });
    expect(await screen.findByText('Возможность не найдена')).toBeInTheDocument();
  });
});
