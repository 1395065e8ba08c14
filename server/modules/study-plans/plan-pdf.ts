import { OPPORTUNITY_KIND_LABELS, SCHOOL_PROFILE_LABELS, type PublishedPlan } from '@common/guidance.js';
import { createPdf } from '@server/lib/pdf.js';

const dateFormat = new Intl.DateTimeFormat('ru-RU', { timeZone: 'Europe/Moscow', day: 'numeric', month: 'long', year: 'numeric' });
const formatDay = (iso: string) => dateFormat.format(new Date(iso.length === 10 ? `${iso}T12:00:00Z` : iso));

/**
 * The published plan as a printable A4 document: the same sections the pupil sees, a tick before
 * each step already done. Returns the whole file; a plan is a few pages.
 */
export async function renderPlanPdf(plan: PublishedPlan, pupilName: string, stepsDone: ReadonlySet<string>): Promise<Buffer> {
  const { doc, finish } = createPdf({ size: 'A4', margin: 50, info: { Title: `Индивидуальный план — ${pupilName}`, Author: 'Билет' } });

  const { content } = plan;
  const heading = (text: string) => doc.moveDown(0.8).font('bold').fontSize(13).text(text).moveDown(0.3).font('regular').fontSize(11);
  const item = (title: string, note: string) => {
    doc.font('bold').text(`• ${title}`, { continued: note.length > 0 }).font('regular');
    if (note) doc.text(` — ${note}`);
  };

  doc.font('bold').fontSize(18).text('Индивидуальный план');
  doc.font('regular').fontSize(11).text(`${pupilName}, ${content.grade} класс`);
  doc.text(`Версия ${plan.version} от ${formatDay(plan.publishedAt)}. Подготовил(а): ${plan.publishedByName}`);

  if (content.navigatorNote) {
    heading('Слово навигатора');
    doc.text(content.navigatorNote);
  }
  if (content.strengths.length > 0) {
    heading('Сильные стороны');
    for (const s of content.strengths) item(s.name, s.evidence);
  }
  if (content.interests.length > 0) {
    heading('Интересы');
    for (const s of content.interests) item(s.name, s.evidence);
  }
  if (content.profile) {
    heading('Профиль обучения в старшей школе');
    item(SCHOOL_PROFILE_LABELS[content.profile.code], content.profile.reason);
  }
  if (content.subjects.length > 0) {
    heading(content.grade >= 8 ? 'Предметы, которые стоит углубить' : 'Предметы, к которым стоит присмотреться');
    for (const s of content.subjects) item(s.name, s.reason);
  }
  if (content.activities.length > 0) {
    heading('Что попробовать');
    for (const s of content.activities) item(s.name, s.reason);
  }
  if (content.opportunities.length > 0) {
    heading('Кружки, курсы и другие возможности');
    for (const o of content.opportunities) item(`${o.title} (${OPPORTUNITY_KIND_LABELS[o.kind]})`, o.reason);
  }
  if (content.trials.length > 0) {
    heading('Следующие пробы');
    for (const t of content.trials) item(`${t.title}, ${formatDay(t.startsAt)}`, t.reason);
  }
  if (content.steps.length > 0) {
    heading('Цели на четверть');
    for (const s of content.steps) {
      doc.text(`${stepsDone.has(s.id) ? '☑' : '☐'} ${s.text}${s.due ? ` — до ${formatDay(s.due)}` : ''}`);
    }
  }
  return finish();
}
