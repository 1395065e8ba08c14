/**
 * The personal-data lifecycle's periods, in one place: the jobs read them, docs/retention.md
 * states them, and the pages say the erasure date from the same number.
 */

/** Days between a request to erase an account (art. 21 of 152-FZ) and its erasure; the account is frozen meanwhile. */
export const ERASURE_GRACE_DAYS = 30;

/** A pupil may ask to erase its own account from this age, as it accepts invitations and consents itself; younger children's accounts are erased at a parent's request. */
export const SELF_ERASURE_AGE = 14;

export const RETENTION_CLASSES = ['sessions', 'mail', 'import_files', 'invitations', 'attempts_in_progress', 'audit', 'inactive_accounts'] as const;
export type RetentionClass = (typeof RETENTION_CLASSES)[number];

export interface RetentionRule {
  /** What is kept. */
  label: string;
  /** How long, in days, counted from `from`. */
  days: number;
  from: string;
  /** What happens when the period ends. */
  then: string;
}

export const RETENTION: Record<RetentionClass, RetentionRule> = {
  sessions: { label: 'Сеансы входа', days: 1, from: 'окончания сеанса', then: 'запись о сеансе удаляется' },
  mail: { label: 'Письма в исходящей очереди (адрес, тема и текст)', days: 30, from: 'создания письма', then: 'письмо удаляется' },
  import_files: {
    label: 'Файлы массовой загрузки учеников и отчёты о строках',
    days: 30,
    from: 'загрузки файла',
    then: 'данные файла и отчёт о строках стираются, остаются только счётчики',
  },
  invitations: { label: 'Приглашения и одноразовые ссылки из писем', days: 30, from: 'истечения срока ссылки', then: 'приглашение или ссылка удаляется' },
  attempts_in_progress: { label: 'Незавершённые попытки тестов с ответами', days: 90, from: 'начала попытки', then: 'попытка и ответы удаляются' },
  audit: { label: 'Журнал безопасности (кто, что и когда сделал)', days: 3 * 365, from: 'записи события', then: 'запись журнала удаляется' },
  inactive_accounts: {
    label: 'Учётные записи учеников, так и не подтверждённые',
    days: 0,
    from: 'конца сезона, в котором они созданы',
    then: 'учётная запись уничтожается с актом об уничтожении',
  },
};

export const DAY_MS = 24 * 60 * 60 * 1000;

/** The day an erasure requested at `requestedAt` falls due. */
export function erasureDueAt(requestedAt: Date): Date {
  return new Date(requestedAt.getTime() + ERASURE_GRACE_DAYS * DAY_MS);
}
