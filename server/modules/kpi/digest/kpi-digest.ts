import { KPI_METRICS, lowerIsBetter } from '@common/kpi.js';
import type { KpiDashboard, KpiFigure, KpiScopeRef } from '@common/schemas/kpi.js';
import { escapeHtml, MAIL_SIGNATURE, mailButtonHtml, type MailContent } from '@server/modules/mail/index.js';
import { KPI_STATUS_COLOURS, formatDelta, formatProgress, formatValue, orderedFigures, periodText, scopeText, statusLabel, updatedText } from '../format/kpi-format.js';


/** The web page of a scope's dashboard; the federal scope is the issuer's own page. */
export function kpiDashboardUrl(baseUrl: string, scope: Pick<KpiScopeRef, 'level' | 'id'>): string {
  const base = `${baseUrl.replace(/\/+$/, '')}/staff/kpi`;
  return scope.id === null ? base : `${base}/${scope.level}/${encodeURIComponent(scope.id)}`;
}

interface FigureLine {
  figure: KpiFigure;
  name: string;
  value: string;
  target: string | null;
  /** «+590 за неделю», «без изменений», or null when a week ago there was nothing to compare with. */
  change: string | null;
  /** Whether the week's change moved the figure the right way (null: no change or nothing to compare). */
  better: boolean | null;
}

function lineOf(figure: KpiFigure, before: KpiFigure | undefined): FigureLine {
  const { metric, value, target } = figure;
  const previous = before?.value ?? null;
  // Shares and ratios are compared as shown, so a change too small to see is no change.
  const delta = value === null || previous === null ? null : Math.round((value - previous) * 10_000) / 10_000;
  return {
    figure,
    name: KPI_METRICS[metric].name,
    value: formatValue(metric, value),
    target: target === null ? null : formatValue(metric, target),
    change: delta === null ? null : delta === 0 ? 'без изменений' : `${formatDelta(metric, delta)} за неделю`,
    better: delta === null || delta === 0 ? null : delta > 0 !== lowerIsBetter(metric),
  };
}

/** The bar's fill in words; for a ceiling (no-shows) a fill says little, the status says it all. */
const progressPart = (figure: KpiFigure) => (lowerIsBetter(figure.metric) || figure.progress === null ? '' : `, ${formatProgress(figure.progress)}`);

const targetPart = (line: FigureLine) => (line.target === null ? '' : ` (${lowerIsBetter(line.figure.metric) ? 'не больше' : 'цель'} ${line.target}${progressPart(line.figure)})`);

/**
 * The weekly e-mail to whoever follows a scope (a region's coordinator, a school): its figures, how
 * each moved since the dashboard of a week before, which are behind their targets, and the link to
 * the dashboard. `previous` is the same scope and season with the period ending a week earlier.
 */
export function composeDigest(current: KpiDashboard, previous: KpiDashboard, options: { baseUrl: string }): MailContent {
  const before = new Map(previous.figures.map((f) => [f.metric, f]));
  const lines = orderedFigures(current).map((f) => lineOf(f, before.get(f.metric)));
  const lagging = lines.filter((l) => l.figure.status === 'behind' || l.figure.status === 'at_risk');
  const hasTargets = lines.some((l) => l.figure.target !== null);
  const url = kpiDashboardUrl(options.baseUrl, current.scope);
  const where = scopeText(current.scope);

  const subject = `Показатели за неделю: ${current.scope.name}`;
  const intro = `Сводка показателей программы «Билет в будущее». ${where}. ${current.season.name}, период ${periodText(current.period)}. ${updatedText(current)}.`;
  const laggingTitle = 'Отстают от цели';
  const laggingNone = hasTargets ? 'Все показатели с целями идут по плану.' : 'Цели на сезон пока не заданы.';
  const laggingText = (l: FigureLine) =>
    `${l.name}: ${l.value} при ${lowerIsBetter(l.figure.metric) ? 'пределе' : 'цели'} ${l.target} — ${statusLabel(l.figure).toLowerCase()}${progressPart(l.figure)}`;
  const changeNote = `Изменения — по сравнению с данными на неделю раньше (период ${periodText(previous.period)}).`;

  const text = [
    'Здравствуйте!',
    '',
    intro,
    '',
    'Показатели',
    ...lines.map((l) => `• ${l.name}: ${l.value}${targetPart(l)}${l.change ? `; ${l.change}` : ''}`),
    '',
    changeNote,
    '',
    laggingTitle,
    ...(lagging.length > 0 ? lagging.map((l) => `• ${laggingText(l)}`) : [laggingNone]),
    '',
    `Открыть дашборд: ${url}`,
    '',
    MAIL_SIGNATURE,
  ].join('\n');

  const cell = 'padding:4px 8px;border-bottom:1px solid #dee2e6';
  const changeCell = (l: FigureLine) => {
    if (!l.change) return '<span style="color:#555">—</span>';
    const colour = l.better === null ? '#555555' : l.better ? KPI_STATUS_COLOURS.met : KPI_STATUS_COLOURS.behind;
    return `<span style="color:${colour}">${escapeHtml(l.change)}</span>`;
  };
  const rows = lines
    .map(
      (l) =>
        `<tr><td style="${cell}">${escapeHtml(l.name)}</td><td style="${cell};text-align:right;white-space:nowrap">${escapeHtml(l.value)}</td>` +
        `<td style="${cell};text-align:right;white-space:nowrap">${l.target === null ? '—' : escapeHtml(`${lowerIsBetter(l.figure.metric) ? 'не больше ' : ''}${l.target}`)}</td>` +
        `<td style="${cell};color:${KPI_STATUS_COLOURS[l.figure.status]}">${escapeHtml(`${statusLabel(l.figure)}${progressPart(l.figure)}`)}</td>` +
        `<td style="${cell};white-space:nowrap">${changeCell(l)}</td></tr>`,
    )
    .join('\n');
  const html = `<!doctype html><html lang="ru"><body style="font-family:Arial,sans-serif;color:#1a1b1e;line-height:1.5">
<p>Здравствуйте!</p>
<p>${escapeHtml(intro)}</p>
<h2 style="font-size:18px;margin:16px 0 8px">Показатели</h2>
<table style="border-collapse:collapse;font-size:14px">
<thead><tr><th style="${cell};text-align:left">Показатель</th><th style="${cell};text-align:right">Значение</th><th style="${cell};text-align:right">Цель</th><th style="${cell};text-align:left">Выполнение</th><th style="${cell};text-align:left">За неделю</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>
<p style="font-size:13px;color:#555">${escapeHtml(changeNote)}</p>
<h2 style="font-size:18px;margin:16px 0 8px">${laggingTitle}</h2>
${lagging.length > 0 ? `<ul>\n${lagging.map((l) => `<li>${escapeHtml(laggingText(l))}</li>`).join('\n')}\n</ul>` : `<p>${escapeHtml(laggingNone)}</p>`}
${mailButtonHtml('Открыть дашборд', url)}
<p>${escapeHtml(MAIL_SIGNATURE)}</p>
</body></html>`;
  return { subject, text, html };
}
