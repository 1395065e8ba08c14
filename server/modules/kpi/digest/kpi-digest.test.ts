import { describe, expect, it } from 'vitest';
import type { KpiDashboard } from '@common/schemas/kpi.js';
import { figure, regionDashboard, regionDashboardWeekBefore, schoolDashboard } from '../exports/tests/dashboard-fixture.js';
import { composeDigest, kpiDashboardUrl } from './kpi-digest.js';

const baseUrl = 'https://bilet.example/';
/** Numbers keep their parts together with no-break spaces; the expectations are written with plain ones. */
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');
const lineOf = (text: string, start: string) => plain(text).split('\n').find((l) => l.startsWith(start));

describe('kpiDashboardUrl', () => {
  it('opens the scope’s own dashboard, or the issuer’s for the whole programme', () => {
    expect(kpiDashboardUrl('https://bilet.example', { level: 'region', id: '50' })).toBe('https://bilet.example/staff/kpi/region/50');
    expect(kpiDashboardUrl('https://bilet.example//', { level: 'federal', id: null })).toBe('https://bilet.example/staff/kpi');
    expect(kpiDashboardUrl('https://bilet.example', { level: 'school', id: 'a/b?c' })).toBe('https://bilet.example/staff/kpi/school/a%2Fb%3Fc');
  });
});

describe('composeDigest', () => {
  const mail = composeDigest(regionDashboard(), regionDashboardWeekBefore(), { baseUrl });

  it('names the scope, season and period', () => {
    expect(mail.subject).toBe('Показатели за неделю: Московская область');
    expect(mail.text).toContain('Регион: Московская область. Сезон 2026/27, период с 01.09.2026 по 29.11.2026. Данные на 30.11.2026, 00:05 МСК.');
    expect(mail.text).toContain('по сравнению с данными на неделю раньше (период с 01.09.2026 по 22.11.2026)');
  });

  it('lists every figure with its target and what changed since a week ago, either way', () => {
    expect(lineOf(mail.text, '• Зарегистрировано участников')).toBe('• Зарегистрировано участников: 12 480 (цель 20 000, 62,4 %); +590 за неделю');
    expect(lineOf(mail.text, '• Доля неявок')).toBe('• Доля неявок: 14,3 % (не больше 10 %); +2,2 п. п. за неделю');
    expect(lineOf(mail.text, '• Заполняемость')).toBe('• Заполняемость: 77,5 % (цель 80 %, 96,9 %); −1,5 п. п. за неделю');
    expect(lineOf(mail.text, '• Часы профориентации')).toBe('• Часы профориентации на участника: 11,75 ч (цель 20 ч, 58,8 %); +1,25 ч за неделю');
    expect(lineOf(mail.text, '• Посетили мероприятия')).toBe('• Посетили мероприятия: 4 388 (цель 5 000, 87,8 %); без изменений');
    expect(lineOf(mail.text, '• Мест предложено')).toBe('• Мест предложено: 7 800; без изменений');
    expect(lineOf(mail.text, '• Обращения с ответом в срок')).toBe('• Обращения с ответом в срок: — (цель 95 %)');
  });

  it('lists the figures behind their targets, and only those', () => {
    const lagging = plain(mail.text).split('Отстают от цели\n')[1]!.split('\n\n')[0]!.split('\n');
    expect(lagging).toContain('• Зарегистрировано участников: 12 480 при цели 20 000 — отстаёт, 62,4 %');
    expect(lagging).toContain('• Заполняемость: 77,5 % при цели 80 % — близко к цели, 96,9 %');
    expect(lagging).toContain('• Доля неявок: 14,3 % при пределе 10 % — отстаёт');
    expect(lagging.some((l) => l.startsWith('• Проведено мероприятий'))).toBe(false);
    expect(lagging.some((l) => l.startsWith('• Мест предложено'))).toBe(false);
    expect(lagging).toHaveLength(12);
  });

  it('says when nothing lags, and when there are no targets at all', () => {
    const met: KpiDashboard = { ...regionDashboard(), figures: [figure('trials_held', 312, 300), figure('seats_offered', 7_800)] };
    expect(composeDigest(met, met, { baseUrl }).text).toContain('Отстают от цели\nВсе показатели с целями идут по плану.');
    const untargeted: KpiDashboard = { ...regionDashboard(), figures: [figure('seats_offered', 7_800)] };
    expect(composeDigest(untargeted, untargeted, { baseUrl }).text).toContain('Отстают от цели\nЦели на сезон пока не заданы.');
  });

  it('compares nothing for a figure that had no value a week ago', () => {
    const before: KpiDashboard = { ...regionDashboardWeekBefore(), figures: [] };
    expect(lineOf(composeDigest(regionDashboard(), before, { baseUrl }).text, '• Мест занято')).toBe('• Мест занято: 6 045');
  });

  it('links the dashboard in both parts', () => {
    expect(mail.text).toContain('Открыть дашборд: https://bilet.example/staff/kpi/region/50');
    expect(mail.html).toContain('href="https://bilet.example/staff/kpi/region/50"');
  });

  it('says the same in HTML, escaped, with the direction of each change coloured', () => {
    expect(mail.html).toMatch(/^<!doctype html><html lang="ru">/);
    expect(mail.html).toContain('<td style="padding:4px 8px;border-bottom:1px solid #dee2e6">Зарегистрировано участников</td>');
    // More registrations is good news, more no-shows is bad news.
    expect(plain(mail.html)).toContain('<span style="color:#2f9e44">+590 за неделю</span>');
    expect(plain(mail.html)).toContain('<span style="color:#c92a2a">+2,2 п. п. за неделю</span>');
    expect(plain(mail.html)).toContain('text-align:right;white-space:nowrap">не больше 10 %</td>');
    expect(plain(mail.html)).toContain('<li>Зарегистрировано участников: 12 480 при цели 20 000 — отстаёт, 62,4 %</li>');

    const school = schoolDashboard();
    const named: KpiDashboard = { ...school, scope: { ...school.scope, name: 'Школа <script>alert(1)</script> & "Ко"' } };
    const escaped = composeDigest(named, named, { baseUrl });
    expect(escaped.subject).toBe('Показатели за неделю: Школа <script>alert(1)</script> & "Ко"');
    expect(escaped.html).not.toContain('<script>');
    expect(escaped.html).toContain('Школа &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;Ко&quot;');
    expect(escaped.html).toContain(`href="https://bilet.example/staff/kpi/school/${school.scope.id}"`);
  });
});
