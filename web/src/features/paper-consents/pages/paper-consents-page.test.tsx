import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Role } from '@common/roles.js';
import type { PaperConsentView } from '@common/schemas/paper-consents.js';
import { callsTo, mockApi, renderPage } from '@web/test/render';
import { PaperConsentsPage } from './paper-consents-page';

afterEach(() => vi.unstubAllGlobals());

const SCHOOL = { id: 'b7e1f0a2-5c3d-4e6f-8a9b-0c1d2e3f4a5b', name: 'Школа № 5' };
const pupil = { id: 'a3c9a4a4-2f51-4b7e-9d64-2d1f1b0c7e11', lastName: 'Смирнов', firstName: 'Артём', middleName: 'Сергеевич', grade: 7 };

const unmarked: PaperConsentView = {
  id: 'c1d2e3f4-0a1b-4c2d-8e3f-405162738495',
  fileName: 'скан 12.pdf',
  mimeType: 'application/pdf',
  sizeBytes: 250 * 1024,
  uploadedAt: '2026-10-01T09:30:00.000Z',
  child: null,
  school: SCHOOL,
};
const marked: PaperConsentView = {
  ...unmarked,
  id: 'd1d2e3f4-0a1b-4c2d-8e3f-405162738496',
  fileName: 'Смирнов.jpg',
  mimeType: 'image/jpeg',
  sizeBytes: 1_600_000,
  child: { id: pupil.id, lastName: pupil.lastName, firstName: pupil.firstName, middleName: pupil.middleName },
};

const session = (role: Role) => ({
  'GET /api/auth/session': {
    body: {
      account: { id: 's1', role, status: 'active', firstName: 'Елена', lastName: 'Сотрудникова', emailVerified: true, gate: null, regionId: 43, schoolId: role === 'school' ? SCHOOL.id : null, venueId: null },
    },
  },
});
const LIST = 'GET /api/paper-consents?sort=uploadedAt&order=desc&page=1&pageSize=20';
const list = { [LIST]: { body: { items: [unmarked, marked], total: 2, page: 1, pageSize: 20 } } };
const search = (q: string) => `GET /api/participants?${new URLSearchParams({ q, pageSize: '20' }).toString()}`;

/**
 * Stands in for the browser's upload request, reporting progress the way XMLHttpRequest does. A
 * held upload answers only when the test says so, so the page can be read while the bar is up
 * however slowly the machine runs.
 */
function stubUpload(reply: { status: number; body: unknown }, { held = false } = {}) {
  const sent: FormData[] = [];
  let answer = () => {};
  class FakeXhr {
    status = 0;
    responseText = '';
    upload: { onprogress: ((e: { lengthComputable: boolean; loaded: number; total: number }) => void) | null } = { onprogress: null };
    onload: (() => void) | null = null;
    onerror: (() => void) | null = null;
    open() {}
    setRequestHeader() {}
    send(form: FormData) {
      sent.push(form);
      setTimeout(() => {
        this.upload.onprogress?.({ lengthComputable: true, loaded: 50, total: 100 });
        const respond = () => {
          this.status = reply.status;
          this.responseText = JSON.stringify(reply.body);
          this.onload?.();
        };
        if (held) answer = respond;
        else setTimeout(respond, 20);
      }, 20);
    }
  }
  vi.stubGlobal('XMLHttpRequest', FakeXhr);
  return { sent, answer: () => answer() };
}

/** Mantine's FileInput shows a button and keeps the real file input hidden behind it. */
async function fileInput(): Promise<HTMLInputElement> {
  await screen.findByRole('button', { name: /Файл со сканом согласия/ });
  return document.querySelector<HTMLInputElement>('input[type="file"]')!;
}

describe('paper consents page', () => {
  it('lists the school’s scans with download links and marks the pupil of an unmarked one', async () => {
    const fetchMock = mockApi({
      ...session('school'),
      ...list,
      [search('Смир')]: { body: { items: [pupil], total: 1, page: 1, pageSize: 20 } },
      [`PATCH /api/paper-consents/${unmarked.id}`]: { body: { ...unmarked, child: marked.child } },
    });
    const user = userEvent.setup();
    renderPage(<PaperConsentsPage />, { path: '/staff/paper-consents' });

    const link = await screen.findByRole('link', { name: 'скан 12.pdf' });
    expect(link).toHaveAttribute('href', `/api/paper-consents/${unmarked.id}/file`);
    expect(link).toHaveAttribute('download', 'скан 12.pdf');
    const row = link.closest('tr')!;
    expect(within(row).getByText('PDF, 250 КБ')).toBeInTheDocument();
    expect(within(row).getByText('Не отмечен')).toBeInTheDocument();
    expect(within(screen.getByRole('link', { name: 'Смирнов.jpg' }).closest('tr')!).getByText('Смирнов Артём Сергеевич')).toBeInTheDocument();
    expect(screen.getByText('JPEG, 1,5 МБ')).toBeInTheDocument();

    await user.click(within(row).getByRole('button', { name: 'Отметить ученика: «скан 12.pdf»' }));
    const dialog = await screen.findByRole('dialog', { name: 'Отметить ученика' });
    await user.click(within(dialog).getByRole('button', { name: 'Сохранить' }));
    expect(await within(dialog).findByText('Выберите ученика')).toBeInTheDocument();

    await user.type(within(dialog).getByLabelText('Ученик'), 'Смир');
    await user.click(await screen.findByRole('option', { name: 'Смирнов Артём Сергеевич, 7 класс' }));
    await user.click(within(dialog).getByRole('button', { name: 'Сохранить' }));

    expect(await screen.findByText('Скан «скан 12.pdf» отмечен как согласие ученика: Смирнов Артём Сергеевич.')).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(callsTo(fetchMock, `PATCH /api/paper-consents/${unmarked.id}`)).toEqual([{ participantId: pupil.id }]);
  });

  it('uploads a scan with a progress bar, then offers to mark the pupil', async () => {
    mockApi({ ...session('school'), ...list });
    const { sent, answer } = stubUpload({ status: 201, body: { ...unmarked, id: 'e1d2e3f4-0a1b-4c2d-8e3f-405162738497', fileName: 'новый.pdf' } }, { held: true });
    const user = userEvent.setup();
    renderPage(<PaperConsentsPage />, { path: '/staff/paper-consents' });

    await user.upload(await fileInput(), new File(['%PDF-1.4'], 'новый.pdf', { type: 'application/pdf' }));
    await user.click(screen.getByRole('button', { name: 'Загрузить' }));

    expect(await screen.findByRole('progressbar', { name: 'Загрузка файла' })).toBeInTheDocument();
    expect(await screen.findByText('Загружено 50 %')).toBeInTheDocument();
    answer();
    const notice = (await screen.findByText(/«новый\.pdf» сохранён\. Отметьте, чьё это согласие/)).closest('[role="status"]')!;
    expect(sent).toHaveLength(1);
    expect((sent[0]!.get('file') as File).name).toBe('новый.pdf');
    expect(sent[0]!.get('participantId')).toBeNull();
    await user.click(within(notice as HTMLElement).getByRole('button', { name: 'Отметить ученика' }));
    expect(await screen.findByRole('dialog', { name: 'Отметить ученика' })).toBeInTheDocument();
  });

  it('refuses a file over 10 MB before sending it, and shows the server’s refusal of a fake PDF', async () => {
    mockApi({ ...session('school'), ...list });
    const { sent } = stubUpload({ status: 415, body: { error: { code: 'unsupported_file_type', message: 'Загрузите скан в формате PDF, JPEG или PNG' } } });
    const user = userEvent.setup();
    renderPage(<PaperConsentsPage />, { path: '/staff/paper-consents' });

    const input = await fileInput();
    const big = new File(['x'], 'большой.pdf', { type: 'application/pdf' });
    Object.defineProperty(big, 'size', { value: 11 * 1024 * 1024 });
    await user.upload(input, big);
    await user.click(screen.getByRole('button', { name: 'Загрузить' }));
    expect(await screen.findByText(/Файл больше 10 МБ/)).toBeInTheDocument();
    expect(sent).toHaveLength(0);

    await user.upload(input, new File(['MZ'], 'setup.pdf', { type: 'application/pdf' }));
    await user.click(screen.getByRole('button', { name: 'Загрузить' }));
    expect((await screen.findByText('Загрузите скан в формате PDF, JPEG или PNG')).closest('[role="alert"]')).not.toBeNull();
    expect(sent).toHaveLength(1);
  });

  it('shows a coordinator the region’s scans with school names, read-only', async () => {
    mockApi({ ...session('regional_coordinator'), ...list });
    renderPage(<PaperConsentsPage />, { path: '/staff/paper-consents' });

    const row = (await screen.findByRole('link', { name: 'скан 12.pdf' })).closest('tr')!;
    expect(within(row).getByText('Школа № 5')).toBeInTheDocument();
    expect(screen.getByRole('columnheader', { name: /Школа/ })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Отметить ученика/ })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Файл со сканом согласия/ })).not.toBeInTheDocument();
  });
});
