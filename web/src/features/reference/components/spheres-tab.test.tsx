import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { callsTo, mockApi, renderPage } from '@web/test/render';
import { SpheresTab } from './spheres-tab';

afterEach(() => vi.unstubAllGlobals());

const spheres = {
  'GET /api/reference/competencies': {
    body: {
      spheres: [
        { id: 1, code: 'it', name: 'ИТ и цифровые технологии', competencies: [{ id: 11, code: 'mobile-apps', name: 'Мобильные приложения' }] },
        { id: 2, code: 'industry', name: 'Промышленность', competencies: [] },
      ],
    },
  },
};

/** Pasting rather than typing key by key keeps these form tests well inside the time limit under load. */
async function fill(user: ReturnType<typeof userEvent.setup>, input: HTMLElement, text: string) {
  await user.clear(input);
  await user.click(input);
  await user.paste(text);
}

async function openSphere(user: ReturnType<typeof userEvent.setup>, name: RegExp) {
  await user.click(await screen.findByRole('button', { name }));
}

describe('spheres and competencies', () => {
  it('adds a competency to the sphere, checking the code in the browser first', async () => {
    const fetchMock = mockApi({ ...spheres, 'POST /api/reference/competencies': { status: 201, body: { id: 12 } } });
    const user = userEvent.setup();
    renderPage(<SpheresTab />, { path: '/' });
    await openSphere(user, /^Промышленность/);
    const form = screen.getByRole('form', { name: 'Новая компетенция' });

    await fill(user, within(form).getByLabelText('Название'), 'Токарные работы');
    await fill(user, within(form).getByLabelText('Код'), 'Токарь');
    await user.click(within(form).getByRole('button', { name: 'Добавить компетенцию' }));
    expect(await within(form).findByText('Код — строчные латинские буквы и цифры, слова через один дефис')).toBeInTheDocument();
    expect(callsTo(fetchMock, 'POST /api/reference/competencies')).toHaveLength(0);

    await fill(user, within(form).getByLabelText('Код'), 'cnc-turning');
    await user.click(within(form).getByRole('button', { name: 'Добавить компетенцию' }));
    await waitFor(() => expect(callsTo(fetchMock, 'POST /api/reference/competencies')).toEqual([{ sphereId: 2, code: 'cnc-turning', name: 'Токарные работы' }]));
  });

  it('shows a taken code at the code field', async () => {
    mockApi({
      ...spheres,
      'POST /api/reference/competencies': {
        status: 409,
        body: { error: { code: 'code_taken', message: 'Компетенция с таким кодом уже есть', fields: { code: 'Компетенция с таким кодом уже есть — придумайте другой код' } } },
      },
    });
    const user = userEvent.setup();
    renderPage(<SpheresTab />, { path: '/' });
    await openSphere(user, /^Промышленность/);
    const form = screen.getByRole('form', { name: 'Новая компетенция' });
    await fill(user, within(form).getByLabelText('Название'), 'Токарные работы');
    await fill(user, within(form).getByLabelText('Код'), 'mobile-apps');
    await user.click(within(form).getByRole('button', { name: 'Добавить компетенцию' }));

    const code = within(form).getByLabelText('Код');
    await waitFor(() => expect(code).toHaveAttribute('aria-invalid', 'true'));
    expect(code).toHaveAccessibleDescription(expect.stringContaining('придумайте другой код'));
  });

  it('moves a competency to another sphere, sending only what changed', async () => {
    const fetchMock = mockApi({ ...spheres, 'PATCH /api/reference/competencies/11': { body: { ok: true } } });
    const user = userEvent.setup();
    renderPage(<SpheresTab />, { path: '/' });
    await openSphere(user, /^ИТ и цифровые технологии/);

    await user.click(screen.getByRole('button', { name: /^Изменить\s*Мобильные приложения$/ }));
    await user.click(screen.getByLabelText('Сфера'));
    await user.click(await screen.findByRole('option', { name: 'Промышленность' }));
    await user.click(screen.getByRole('button', { name: 'Сохранить' }));

    await waitFor(() => expect(callsTo(fetchMock, 'PATCH /api/reference/competencies/11')).toEqual([{ sphereId: 2 }]));
  });
});
