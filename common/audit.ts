/**
 * Audit actions that show a staff member someone's personal data. Their count per staff account
 * and hour is what the alert of the audit review watches. The review's own showing of names
 * (audit.person_shown) is left out: one export would otherwise alert on the reviewer itself.
 */
export const PD_REVEALING_ACTIONS = [
  'pd.viewed',
  'paper_consent.viewed',
  'event.roster_viewed',
  'event.pupil_events_viewed',
  'diagnostics.results_viewed',
  'recommendations.viewed',
  'study_plan.viewed',
  'support.request_viewed',
] as const;

/** What the review's action field suggests, with the words a reviewer reads. */
export const AUDIT_ACTION_LABELS: Record<string, string> = {
  'pd.viewed': 'Просмотр персональных данных',
  'pd.changed': 'Изменение персональных данных',
  'paper_consent.viewed': 'Просмотр скана согласия',
  'event.roster_viewed': 'Просмотр списка участников мероприятия',
  'event.pupil_events_viewed': 'Просмотр мероприятий ученика',
  'diagnostics.results_viewed': 'Просмотр результатов диагностики',
  'recommendations.viewed': 'Просмотр рекомендаций',
  'study_plan.viewed': 'Просмотр индивидуального плана',
  'support.request_viewed': 'Просмотр обращения в поддержку',
  'audit.person_shown': 'Показ человека в журнале аудита',
  'audit.exported': 'Выгрузка журнала аудита',
  'auth.sign_in.succeeded': 'Вход',
  'auth.sign_out': 'Выход',
  'auth.sign_in.failed': 'Неудачный вход',
  'auth.sign_in.locked': 'Блокировка входа',
  'auth.second_factor.failed': 'Неверный код второго фактора',
  'consent.given': 'Согласие дано',
  'consent.withdrawn': 'Согласие отозвано',
  'family.linked': 'Связь с родителем',
  'data_rights.archive_downloaded': 'Выгрузка всех данных о человеке',
  'data_rights.erasure_requested': 'Запрос на удаление учётной записи',
  'data_rights.erasure_cancelled': 'Запрос на удаление отменён',
  'data_rights.erased': 'Учётная запись удалена',
  'data_rights.retention_viewed': 'Просмотр сроков хранения',
  'staff.invited': 'Приглашение сотрудника',
  'staff.removed': 'Закрытие доступа сотрудника',
  'kpi.exported': 'Выгрузка KPI',
  'import.confirmed': 'Импорт учеников',
  'pd_keys.rotation_started': 'Запуск смены ключа шифрования',
  'pd_keys.rotation_finished': 'Смена ключа шифрования завершена',
};

/** Rows the review exports at most in one file; a wider search is narrowed first. */
export const AUDIT_EXPORT_LIMIT = 50_000;
