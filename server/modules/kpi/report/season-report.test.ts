import { extractText, getDocumentProxy } from 'unpdf';
import { describe, expect, it } from 'vitest';
import { KPI_METRICS } from '@common/kpi.js';
import type { KpiDashboard } from '@common/schemas/kpi.js';
import { regionDashboard, schoolDashboard } from '../exports/tests/dashboard-fixture.js';
import { seasonReportPdf } from './season-report.js';

async function readPdf(body: Buffer): Promise<{ pages: number; text: string }> {
  const pdf = await getDocumentProxy(new Uint8Array(body));
  const { totalPages, text } = await extractText(pdf, { mergePages: true });
  // Text extraction splits a line wherever the layout placed pieces; compare with single spaces.
  return { pages: totalPages, text: text.replace(/\s+/g, ' ') };
}

describe('seasonReportPdf', () => {
  it('states the scope, season and period, then every figure against its target with its status', async () => {
    const body = await seasonReportPdf(regionDashboard());
    expect(body.subarray(0, 5).toString()).toBe('%PDF-');
    const { text } = await readPdf(body);
    expect(text).toContain('Отчёт о сезоне');
    expect(text).toContain('Регион: Московская область');
    expect(text).toContain('Сезон 2026/27: 01.09.2026 — 31.05.2027');
    expect(text).toContain('Период отчёта: с 01.09.2026 по 29.11.2026');
    expect(text).toContain('Данные на 30.11.2026, 00:05 МСК');
    for (const { name } of Object.values(KPI_METRICS)) expect(text).toContain(name);
    expect(text).toContain('12 480 · цель 20 000');
    expect(text).toContain('Отстаёт, 62,4 %');
    expect(text).toContain('14,3 % · не больше 10 %');
    // A ceiling's bar fill would read as a share of no-shows; its status says it instead.
    expect(text).not.toContain('57 %');
    expect(text).toContain('Выполнено, 100 %');
    expect(text).toContain('11,75 ч · цель 20 ч');
    expect(text).toContain('— · цель 95 %');
    expect(text).toContain('Нет данных');
    expect(text).toContain('Цель не задана');
  });

  it('draws the weekly series and lists it week by week', async () => {
    const { text } = await readPdf(await seasonReportPdf(regionDashboard()));
    expect(text).toContain('По неделям');
    expect(text).toContain('наибольшее за неделю: 1 745');
    expect(text).toContain('Неделя с');
    expect(text).toContain('23.11.2026');
    expect(text).toMatch(/07\.09\.2026 700 420 0 15 60/);
  });

  it('carries the drill-down tables and the definitions of the metrics', async () => {
    const { text } = await readPdf(await seasonReportPdf(regionDashboard()));
    expect(text).toContain('Школы');
    expect(text).toContain('МБОУ «Лицей № 5» г. Королёв');
    expect(text).toContain('1 420 из 1 500');
    expect(text).toContain('Гимназия <b>№ 1</b> & Ко');
    expect(text).toContain('Площадки');
    expect(text).toContain('45,2 % из 80 %');
    expect(text).toContain('Что значат показатели');
    expect(text).toContain(KPI_METRICS.no_show_rate.definition);
    expect(text).toContain(`Как считается: ${KPI_METRICS.fill_rate.formula}`);
  });

  it('names a school by its region too, and its classes by their notes', async () => {
    const { text } = await readPdf(await seasonReportPdf(schoolDashboard()));
    expect(text).toContain('Школа: МБОУ «Лицей № 5» г. Королёв');
    expect(text).toContain('Регион: Московская область');
    expect(text).toContain('Классы');
    expect(text).toMatch(/8А 28 25/);
    expect(text).not.toContain(KPI_METRICS.seats_offered.definition);
  });

  it('runs a long table onto further pages with its header repeated', async () => {
    const dashboard = regionDashboard();
    const schools = dashboard.children[0]!;
    const many: KpiDashboard = {
      ...dashboard,
      children: [
        {
          ...schools,
          rows: Array.from({ length: 150 }, (_, i) => ({
            ref: { level: 'school' as const, id: String(i + 1), name: `Школа № ${i + 1}` },
            note: null,
            values: [100 + i],
            targets: null,
          })),
        },
      ],
    };
    const { pages, text } = await readPdf(await seasonReportPdf(many));
    expect(pages).toBeGreaterThan(4);
    expect(text).toContain(`Страница ${pages} из ${pages}`);
    expect(text).toContain('Школа № 150');
    expect(text.match(/Название Зарегистрировано участников/g)!.length).toBeGreaterThan(2);
  });

  it('reports a season with nothing yet', async () => {
    const empty: KpiDashboard = { ...regionDashboard(), figures: [], weekly: [], children: [], updatedAt: null };
    const { text } = await readPdf(await seasonReportPdf(empty));
    expect(text).toContain('Показателей нет.');
    expect(text).toContain('Данные ещё не рассчитаны');
    expect(text).not.toContain('По неделям');
  });
});
