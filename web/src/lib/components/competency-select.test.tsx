import { screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mockApi, renderPage } from '@web/test/render';
import { CompetencySelect } from './competency-select';

afterEach(() => vi.unstubAllGlobals());

describe('competency select', () => {
  it('says the list did not load even inside a form, whose input props carry an empty error', async () => {
    mockApi({ 'GET /api/reference/competencies': { status: 404, body: { error: { code: 'not_found', message: 'Не найдено' } } } });
    renderPage(<CompetencySelect value={[]} onChange={vi.fn()} error={undefined} />, { path: '/' });

    expect(await screen.findByText('Не получилось загрузить список компетенций')).toBeInTheDocument();
  });
});
