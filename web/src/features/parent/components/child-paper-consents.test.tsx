import { screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PaperConsentView } from '@common/schemas/paper-consents.js';
import { mockApi, renderPage } from '@web/test/render';
import { ChildPaperConsents } from './child-paper-consents';

afterEach(() => vi.unstubAllGlobals());

const CHILD = 'a3c9a4a4-2f51-4b7e-9d64-2d1f1b0c7e11';
const LIST = `GET /api/paper-consents?participantId=${CHILD}&sort=uploadedAt&order=desc&pageSize=100`;

const scan: PaperConsentView = {
  id: 'c1d2e3f4-0a1b-4c2d-8e3f-405162738495',
  fileName: 'Согласие на обработку.pdf',
  mimeType: 'application/pdf',
  sizeBytes: 900,
  uploadedAt: '2026-10-01T09:30:00.000Z',
  child: { id: CHILD, lastName: 'Смирнов', firstName: 'Артём', middleName: null },
  school: { id: 'b7e1f0a2-5c3d-4e6f-8a9b-0c1d2e3f4a5b', name: 'Школа № 5' },
};

describe('a child’s paper consents in the parent’s cabinet', () => {
  it('links each scan for download with its type, size, school and date', async () => {
    mockApi({ [LIST]: { body: { items: [scan], total: 1, page: 1, pageSize: 100 } } });
    renderPage(<ChildPaperConsents childId={CHILD} />, { path: '/parent' });

    const link = await screen.findByRole('link', { name: 'Согласие на обработку.pdf' });
    expect(link).toHaveAttribute('href', `/api/paper-consents/${scan.id}/file`);
    expect(link).toHaveAttribute('download', 'Согласие на обработку.pdf');
    expect(screen.getByText('PDF, 900 Б · Школа № 5, 1 октября 2026')).toBeInTheDocument();
  });

  it('says so when the school has uploaded nothing', async () => {
    mockApi({ [LIST]: { body: { items: [], total: 0, page: 1, pageSize: 100 } } });
    renderPage(<ChildPaperConsents childId={CHILD} />, { path: '/parent' });
    expect(await screen.findByText('Школа не загружала сканов бумажных согласий этого ребёнка.')).toBeInTheDocument();
  });
});
