import { screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { renderPage } from '@web/test/render';
import type { Footprint } from '../api/diagnostics-api';
import { FootprintView } from './footprint-view';

const footprint: Footprint = {
  directions: [
    { key: 'personal', label: 'Личные особенности и окружение', value: null, dimensions: [] },
    {
      key: 'skills',
      label: 'Знания и навыки',
      value: 64,
      dimensions: [
        { key: 'soft_skill:creativity', kind: 'soft_skill', name: 'Креативность', value: 72, sources: 2 },
        { key: 'soft_skill:leadership', kind: 'soft_skill', name: 'Лидерство', value: 56, sources: 1 },
      ],
    },
    {
      key: 'interests',
      label: 'Интересы',
      value: 80,
      dimensions: [{ key: 'sphere:it', kind: 'sphere', name: 'Информационные технологии', value: 80, sources: 1 }],
    },
    {
      key: 'awareness',
      label: 'Уровень осведомлённости',
      value: 45,
      dimensions: [{ key: 'awareness:it', kind: 'awareness', name: 'Информационные технологии', value: 45, sources: 1 }],
    },
  ],
  awarenessLevel: { code: 'basic', name: 'Базовый', text: 'Ты знаешь о профессиях главное.' },
  sources: 3,
  history: [
    { recordedAt: '2025-01-05T09:00:00.000Z', directions: { personal: null, skills: 50, interests: null, awareness: null } },
    { recordedAt: '2025-03-10T09:00:00.000Z', directions: { personal: null, skills: 64, interests: 80, awareness: 45 } },
  ],
};

// jsdom lays nothing out, so the charts complain of zero size; their numbers are checked in the tables.
beforeEach(() => {
  vi.spyOn(console, 'warn').mockImplementation(() => {});
});

describe('FootprintView', () => {
  it('shows the four directions with their means, each dimension with its sources, and the awareness level', () => {
    renderPage(<FootprintView footprint={footprint} empty="Пусто" />, { path: '/' });

    expect(screen.getByText(/След собран из 3 источников/)).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Уровень осведомлённости: Базовый' })).toBeInTheDocument();
    expect(screen.getByText('Ты знаешь о профессиях главное.')).toBeInTheDocument();

    const personal = screen.getByRole('region', { name: 'Личные особенности и окружение' });
    expect(within(personal).getByText('Пока нет данных')).toBeInTheDocument();

    const skills = screen.getByRole('region', { name: 'Знания и навыки' });
    expect(skills).toHaveTextContent('В среднем: 64 из 100');
    expect(within(skills).getByRole('progressbar', { name: 'Креативность: 72 из 100, источников: 2' })).toBeInTheDocument();
    expect(within(skills).getByText('источников: 2')).toBeInTheDocument();
    expect(within(skills).getByText('источников: 1')).toBeInTheDocument();

    const interests = screen.getByRole('region', { name: 'Интересы' });
    expect(within(interests).getByRole('progressbar', { name: 'Информационные технологии: 80 из 100, источников: 1' })).toBeInTheDocument();

    const history = screen.getByRole('table', { name: 'История цифрового следа: средние баллы направлений' });
    const rows = within(history).getAllByRole('row');
    expect(rows).toHaveLength(3);
    expect(rows[2]).toHaveTextContent('64');
    expect(rows[1]).toHaveTextContent('нет данных');
  });

  it('says what to do while the footprint is empty', () => {
    renderPage(<FootprintView footprint={{ ...footprint, sources: 0, history: [], awarenessLevel: null }} empty="Пройди первый тест." />, { path: '/' });
    expect(screen.getByText('Цифровой след пока пуст')).toBeInTheDocument();
    expect(screen.getByText('Пройди первый тест.')).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'Знания и навыки' })).not.toBeInTheDocument();
  });
});
