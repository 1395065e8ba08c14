import { createPdf } from '@server/lib/pdf.js';
import { ROLE_LABELS, type Role } from '@common/roles.js';
import { AUDIT_ACTION_LABELS } from '@common/audit.js';
import { CONSENT_TEXTS } from '@common/consents.js';
import { ATTENDANCE_LABELS, ENROLMENT_STATUS_LABELS, type Attendance, type EnrolmentStatus } from '@common/events.js';
import { DOCUMENT_TYPE_LABELS, type ChildDocumentType } from '@common/participants.js';
import { CORRECTABLE_FIELD_LABELS, type CorrectableField } from '@common/schemas/corrections.js';
import { REPRESENTATIVE_KIND_LABELS, type ConsentKind } from '@common/schemas/identity.js';
import type { PersonalDataArchive } from './archive.service.js';

const moscow = new Intl.DateTimeFormat('ru-RU', { timeZone: 'Europe/Moscow', dateStyle: 'short', timeStyle: 'short' });
const when = (iso: string | null | undefined) => (iso ? moscow.format(new Date(iso)) : '—');

/** The archive names the school a correction asks for as `school` (its name), the request as `schoolId`. */
const correctionField = (field: string) => CORRECTABLE_FIELD_LABELS[(field === 'school' ? 'schoolId' : field) as CorrectableField] ?? field;

/** The archive as a readable document: the same facts as the JSON, in Russian, with who saw the data. */
export async function archivePdf(archive: PersonalDataArchive): Promise<Buffer> {
  const p = archive.profile;
  const name = [p.lastName, p.firstName, p.middleName].filter(Boolean).join(' ');
  const { doc, finish } = createPdf({ size: 'A4', margin: 50, info: { Title: `Персональные данные — ${name}`, Author: 'Билет' } });
  const heading = (text: string) => doc.moveDown(0.8).font('bold').fontSize(13).text(text).moveDown(0.3).font('regular').fontSize(10);
  const line = (label: string, value: string | number | boolean | null | undefined) =>
    doc.font('bold').text(`${label}: `, { continued: true }).font('regular').text(value === null || value === undefined || value === '' ? '—' : String(value));
  const none = (items: readonly unknown[]) => items.length === 0 && doc.text('Нет записей');

  doc.font('bold').fontSize(18).text('Сведения о персональных данных');
  doc.font('regular').fontSize(10).text(`${archive.operator}. Выгрузка от ${when(archive.generatedAt)} по ст. 14 Федерального закона № 152-ФЗ.`);
  if (archive.erasure) doc.moveDown(0.5).font('bold').text(`Учётная запись заморожена и будет удалена ${when(archive.erasure.dueAt)}.`).font('regular');

  heading('Учётная запись');
  line('ФИО', name);
  line('Роль', ROLE_LABELS[p.role as Role] ?? p.role);
  line('Дата рождения', p.birthDate);
  line('Электронная почта', p.email);
  line('Телефон', p.phone);
  line('Зарегистрирована', when(p.registeredAt));
  if (p.participant) {
    line('Класс', p.participant.grade);
    line('Регион, город', `${p.participant.region}, ${p.participant.city}`);
    line('Школа', p.participant.school);
    line('СНИЛС', p.participant.snils);
    line('Документ', p.participant.documentNumber ? `${DOCUMENT_TYPE_LABELS[p.participant.documentType as ChildDocumentType] ?? 'Документ'} ${p.participant.documentNumber}` : null);
    line('ОВЗ', p.participant.hasOvz ? (p.participant.ovzDetails ?? 'да') : 'нет');
    line('Педагог-навигатор', p.navigator?.name);
  }
  if (p.parent) line('СНИЛС', p.parent.snils);
  if (p.staff) {
    line('Организация', p.staff.school ?? p.staff.venue ?? p.staff.region);
    line('Должность', p.staff.position);
  }

  heading('Семья');
  none(archive.familyLinks);
  for (const f of archive.familyLinks) {
    // The adult's side of a link is named by its kind in law: «Опекун», «Попечитель» or «Родитель».
    const who = f.role === 'parent' ? REPRESENTATIVE_KIND_LABELS[f.representativeKind] : (ROLE_LABELS[f.role as Role] ?? f.role);
    doc.text(`${who}: ${f.name}, связь с ${when(f.linkedAt)}`);
  }

  heading('Согласия');
  none(archive.consents);
  for (const c of archive.consents) {
    doc.text(`${CONSENT_TEXTS[c.kind as ConsentKind]?.title ?? c.kind} (редакция ${c.textVersion}): дал(а) ${c.givenBy} ${when(c.givenAt)}${c.withdrawnAt ? `, отозвано ${when(c.withdrawnAt)}` : ''}`);
  }

  heading('Исправления данных');
  none(archive.corrections);
  for (const c of archive.corrections) {
    const asked = Object.entries(c.requested).map(([field, value]) => `${correctionField(field)}: ${value}`).join(', ');
    const outcome = c.status === 'pending' ? 'ждёт решения школы' : c.status === 'confirmed' ? `исправлено ${when(c.decidedAt)}` : `отказано ${when(c.decidedAt)}: ${c.refusalReason}`;
    doc.text(`${when(c.askedAt)} — ${asked}; ${outcome}`);
  }

  if (p.role === 'participant') {
    heading('Тесты и результаты');
    none(archive.attempts);
    for (const a of archive.attempts) doc.text(`${a.title}: ${a.status === 'completed' ? `пройден ${when(a.completedAt)}` : `начат ${when(a.startedAt)}, не завершён`}`);
    heading('Цифровой след');
    if (archive.footprint?.latest) {
      for (const [dimension, v] of Object.entries(archive.footprint.latest.dimensions as Record<string, { value: number }>)) doc.text(`${dimension}: ${Math.round(v.value)}`);
    } else doc.text('Нет записей');
    heading('Мероприятия');
    none(archive.enrolments);
    for (const e of archive.enrolments) {
      doc.text(`${e.event} (${e.venue}), ${when(e.startsAt)}: ${ENROLMENT_STATUS_LABELS[e.status as EnrolmentStatus] ?? e.status}${e.attendance ? `, посещение: ${ATTENDANCE_LABELS[e.attendance as Attendance] ?? e.attendance}` : ''}${e.grade ? `, оценка ${e.grade}` : ''}${e.feedback ? `. Отзыв: ${e.feedback}` : ''}`);
    }
    heading('Индивидуальный план');
    const versions = archive.studyPlan?.versions ?? [];
    none(versions);
    for (const v of versions) doc.text(`Версия ${v.version} от ${when(v.publishedAt)}`);
  }

  heading('Обращения в поддержку');
  none(archive.supportRequests);
  for (const r of archive.supportRequests) doc.text(`${when(r.createdAt)} — ${r.topic}: ${r.text}`);

  heading('Загруженные файлы');
  const files = [...archive.uploads.paperConsents.map((f) => `Скан согласия «${f.fileName}», ${when(f.uploadedAt)}`), ...archive.uploads.supportAttachments.map((f) => `Вложение «${f.fileName}», ${when(f.uploadedAt)}`)];
  none(files);
  for (const f of files) doc.text(f);

  heading('Уведомления');
  doc.text(`Всего: ${archive.notifications.length}. Их тексты — в машиночитаемом архиве (JSON).`);

  heading('Кто и когда обращался к данным');
  none(archive.accessLog);
  for (const e of archive.accessLog) doc.text(`${when(e.at)} — ${e.actor}: ${AUDIT_ACTION_LABELS[e.action] ?? e.action}`);

  return finish();
}
