import type { Role } from './roles.js';

/**
 * The one catalogue of the programme's KPIs: every figure a dashboard, an export, a report or a
 * digest shows is one of these, named, defined and computed as written here. The server computes
 * them (server/modules/kpi), the web names and explains them from this list.
 */

/** Who follows a figure: the issuer (all of Russia), a region, a school, a venue, a navigator, a mentor. */
export const KPI_LEVELS = ['federal', 'region', 'school', 'venue', 'navigator', 'mentor'] as const;
export type KpiLevel = (typeof KPI_LEVELS)[number];

/** The level whose figures each role follows and opens on; roles not listed follow none. */
export const KPI_LEVEL_OF_ROLE: Partial<Record<Role, KpiLevel>> = {
  issuer_admin: 'federal',
  regional_coordinator: 'region',
  school: 'school',
  venue: 'venue',
  navigator: 'navigator',
  mentor: 'mentor',
};

export const KPI_LEVEL_LABELS: Record<KpiLevel, string> = {
  federal: 'Вся программа',
  region: 'Регион',
  school: 'Школа',
  venue: 'Площадка',
  navigator: 'Педагог-навигатор',
  mentor: 'Наставник',
};

/** count: people or things; share: 0..1, shown as per cent; ratio: a mean such as tests per pupil; hours. */
export type KpiUnit = 'count' | 'share' | 'ratio' | 'hours';

export interface KpiMetric {
  name: string;
  /** What the figure means, for a coordinator who has never seen the formula. */
  definition: string;
  /** How it is computed from the platform's facts, in words precise enough to check by hand. */
  formula: string;
  unit: KpiUnit;
  levels: readonly KpiLevel[];
  /** Lower is better (no-shows): a target is then a ceiling. */
  lowerIsBetter?: true;
}

const PUPIL_LEVELS = ['federal', 'region', 'school', 'navigator'] as const satisfies readonly KpiLevel[];
const EVENT_LEVELS = ['federal', 'region', 'venue', 'mentor'] as const satisfies readonly KpiLevel[];

/**
 * «Профминимум»: the federal minimum of career guidance counts hours a year per pupil at three
 * levels. Each activity counts at its duration: an attended event from start to end, a completed
 * test or game at its stated duration.
 */
export const GUIDANCE_HOUR_LEVELS = [40, 60, 80] as const;

export const KPI_METRICS = {
  pupils_registered: {
    name: 'Зарегистрировано участников',
    definition: 'Сколько школьников создали профиль в программе за период.',
    formula: 'Профили участников, созданные в период; участник относится к школе и региону своего профиля.',
    unit: 'count',
    levels: PUPIL_LEVELS,
  },
  pupils_activated: {
    name: 'Активировали профиль',
    definition: 'Сколько из зарегистрированных за период подтвердили почту и могут работать в кабинете.',
    formula: 'Профили, созданные в период, у которых учётная запись активна.',
    unit: 'count',
    levels: PUPIL_LEVELS,
  },
  parent_linked: {
    name: 'Родитель привязан',
    definition: 'Сколько участников связаны хотя бы с одним родителем или законным представителем.',
    formula: 'Участники, у которых первая связь с родителем появилась до конца периода, среди зарегистрированных за период.',
    unit: 'count',
    levels: PUPIL_LEVELS,
  },
  consent_given: {
    name: 'Согласие родителя',
    definition: 'Сколько участников имеют действующее согласие родителя на обработку персональных данных.',
    formula: 'Участники, зарегистрированные за период, с согласием на обработку персональных данных, которое не отозвано.',
    unit: 'count',
    levels: PUPIL_LEVELS,
  },
  pupils_tested: {
    name: 'Прошли диагностику',
    definition: 'Сколько участников завершили хотя бы один тест или игру за период.',
    formula: 'Участники, у которых есть хотя бы одна завершённая в период попытка диагностики.',
    unit: 'count',
    levels: PUPIL_LEVELS,
  },
  tests_per_pupil: {
    name: 'Тестов на участника',
    definition: 'Сколько тестов в среднем завершил участник, прошедший диагностику.',
    formula: 'Завершённые в период попытки ÷ участники, прошедшие диагностику в период.',
    unit: 'ratio',
    levels: PUPIL_LEVELS,
  },
  pupils_enrolled: {
    name: 'Записаны на мероприятия',
    definition: 'Сколько участников записаны хотя бы на одно мероприятие, которое проходит в период.',
    formula: 'Участники с подтверждённой записью (или отметкой о посещении) на мероприятие, начало которого в периоде.',
    unit: 'count',
    levels: [...PUPIL_LEVELS, 'venue', 'mentor'],
  },
  pupils_attended: {
    name: 'Посетили мероприятия',
    definition: 'Сколько участников были хотя бы на одном мероприятии за период.',
    formula: 'Участники, которых наставник отметил пришедшими (в том числе с опозданием) на мероприятие, начало которого в периоде.',
    unit: 'count',
    levels: [...PUPIL_LEVELS, 'venue', 'mentor'],
  },
  no_show_rate: {
    name: 'Доля неявок',
    definition: 'Какая доля записанных не пришла на мероприятие.',
    formula: 'Отметки «не пришёл» ÷ все отметки о посещении на мероприятиях, начало которых в периоде.',
    unit: 'share',
    levels: [...PUPIL_LEVELS, 'venue', 'mentor'],
    lowerIsBetter: true,
  },
  trials_held: {
    name: 'Проведено мероприятий',
    definition: 'Сколько опубликованных мероприятий уже прошли за период.',
    formula: 'Опубликованные и не отменённые мероприятия, которые закончились в периоде.',
    unit: 'count',
    levels: EVENT_LEVELS,
  },
  seats_offered: {
    name: 'Мест предложено',
    definition: 'Сколько мест было на мероприятиях периода.',
    formula: 'Сумма вместимости опубликованных и не отменённых мероприятий, начало которых в периоде.',
    unit: 'count',
    levels: EVENT_LEVELS,
  },
  seats_filled: {
    name: 'Мест занято',
    definition: 'Сколько мест на мероприятиях периода заняли записанные участники.',
    formula: 'Сумма занятых мест (подтверждённые записи и брони) на тех же мероприятиях.',
    unit: 'count',
    levels: EVENT_LEVELS,
  },
  fill_rate: {
    name: 'Заполняемость',
    definition: 'Какая доля предложенных мест занята.',
    formula: 'Мест занято ÷ мест предложено.',
    unit: 'share',
    levels: EVENT_LEVELS,
  },
  feedback_on_time: {
    name: 'Обратная связь за 48 часов',
    definition: 'Какой доле пришедших наставник дал оценку и отзыв не позже 48 часов после окончания мероприятия.',
    formula: 'Посещения с отзывом, данным не позже 48 часов после конца мероприятия ÷ все посещения мероприятий, закончившихся в периоде более 48 часов назад или уже с отзывом.',
    unit: 'share',
    levels: [...EVENT_LEVELS, 'school', 'navigator'],
  },
  plans_published: {
    name: 'Опубликовано планов',
    definition: 'Сколько участников получили опубликованный индивидуальный план за период.',
    formula: 'Участники, чей план педагог-навигатор впервые опубликовал в период.',
    unit: 'count',
    levels: PUPIL_LEVELS,
  },
  support_answered_in_sla: {
    name: 'Обращения с ответом в срок',
    definition: 'Какая доля обращений в поддержку получила первый ответ в пределах 24 рабочих часов.',
    formula: 'Обращения периода с первым ответом в срок ÷ обращения периода, у которых срок уже наступил или есть ответ (без закрытых правилами приёма).',
    unit: 'share',
    levels: ['federal', 'region'],
  },
  guidance_hours: {
    name: 'Часы профориентации на участника',
    definition: 'Сколько часов профориентации в среднем набрал участник за период (профминимум: 40, 60 или 80 часов в год).',
    formula: 'Сумма длительностей посещённых мероприятий и завершённых тестов ÷ участники, у которых есть хотя бы одна такая активность.',
    unit: 'hours',
    levels: PUPIL_LEVELS,
  },
  pupils_min_40h: {
    name: 'Набрали 40 часов',
    definition: 'Сколько участников набрали базовый уровень профминимума — 40 часов за период.',
    formula: 'Участники, у которых сумма длительностей посещённых мероприятий и завершённых тестов в периоде не меньше 40 часов.',
    unit: 'count',
    levels: PUPIL_LEVELS,
  },
} as const satisfies Record<string, KpiMetric>;

export type KpiMetricCode = keyof typeof KPI_METRICS;
export const KPI_METRIC_CODES = Object.keys(KPI_METRICS) as [KpiMetricCode, ...KpiMetricCode[]];

export function metricsOfLevel(level: KpiLevel): KpiMetricCode[] {
  return KPI_METRIC_CODES.filter((code) => (KPI_METRICS[code].levels as readonly KpiLevel[]).includes(level));
}

/** Who sets whose targets: the issuer for regions, the coordinator for schools and venues, the school for navigators. */
export const TARGET_SETTER: Partial<Record<KpiLevel, KpiLevel>> = {
  region: 'federal',
  school: 'region',
  venue: 'region',
  navigator: 'school',
};

/** Progress against a target: the bar's fill (0..1, capped) and its colour. */
export type KpiStatus = 'none' | 'behind' | 'at_risk' | 'met';

/** The status in words, the same on the page, in files and in the mail. */
export const KPI_STATUS_LABELS: Record<KpiStatus, string> = {
  none: 'Цель не задана',
  behind: 'Отстаёт',
  at_risk: 'Близко к цели',
  met: 'Выполнено',
};

/**
 * Behind under 70% of the target, at risk under 100%, met from 100%. For a figure where lower is
 * better the target is a ceiling: met at or under it, at risk up to 30% over, behind beyond.
 */
export function kpiStatus(value: number | null, target: number | null, ceiling = false): { progress: number | null; status: KpiStatus } {
  if (value === null || target === null) return { progress: null, status: 'none' };
  if (ceiling) {
    if (value <= target) return { progress: 1, status: 'met' };
    const over = target === 0 ? Infinity : value / target;
    return { progress: Math.max(0, Math.min(1, 2 - over)), status: over <= 1.3 ? 'at_risk' : 'behind' };
  }
  if (target === 0) return { progress: 1, status: 'met' };
  const ratio = value / target;
  return { progress: Math.min(1, Math.max(0, ratio)), status: ratio >= 1 ? 'met' : ratio >= 0.7 ? 'at_risk' : 'behind' };
}

export interface KpiFigure {
  metric: KpiMetricCode;
  /** null where the figure has no denominator yet (a share of nothing). */
  value: number | null;
  target: number | null;
  progress: number | null;
  status: KpiStatus;
}

/** Whether the metric's target is a ceiling (no-shows). */
export const lowerIsBetter = (metric: KpiMetricCode): boolean => (KPI_METRICS[metric] as KpiMetric).lowerIsBetter === true;

export function kpiFigure(metric: KpiMetricCode, value: number | null, target: number | null): KpiFigure {
  return { metric, value, target, ...kpiStatus(value, target, lowerIsBetter(metric)) };
}

/**
 * A drill-down row's figures in its table's metric order. Rows travel as bare values (and targets
 * where any is set), since a page of schools repeating every figure's fields is most of the answer.
 */
export function rowFigures(metrics: readonly KpiMetricCode[], row: { values: ReadonlyArray<number | null>; targets: ReadonlyArray<number | null> | null }): KpiFigure[] {
  return metrics.map((metric, i) => kpiFigure(metric, row.values[i] ?? null, row.targets?.[i] ?? null));
}

/** What a drill-down table's rows are: regions, schools, venues, classes, navigators, events, mentors, stages of pupils. */
export type KpiTableKind = 'regions' | 'schools' | 'venues' | 'classes' | 'navigators' | 'events' | 'mentors' | 'stages';

/** The header of a drill-down table's name column. */
export const KPI_ROW_HEADERS: Record<KpiTableKind, string> = {
  regions: 'Регион',
  schools: 'Школа',
  venues: 'Площадка',
  classes: 'Класс',
  navigators: 'Педагог-навигатор',
  events: 'Мероприятие',
  mentors: 'Наставник',
  stages: 'Этап',
};

/** The header of the count column, for tables whose rows count people (pupils at a stage). */
export const KPI_COUNT_HEADERS: Partial<Record<KpiTableKind, string>> = { stages: 'Участников' };

/** A row's name: its scope's, or the note for rows without their own page (a class, an event). */
export const kpiRowName = (row: { ref: { name: string } | null; note: string | null }): string => row.ref?.name ?? row.note ?? '—';

/** The metrics a weekly series carries, in the catalogue's order. */
export function weeklyMetrics(weekly: ReadonlyArray<{ values: Partial<Record<KpiMetricCode, number>> }>): KpiMetricCode[] {
  return KPI_METRIC_CODES.filter((code) => weekly.some((week) => week.values[code] !== undefined));
}

/** The eight federal districts, for the issuer's map-like grid of regions. */
export const FEDERAL_DISTRICTS = {
  central: 'Центральный',
  northwestern: 'Северо-Западный',
  southern: 'Южный',
  north_caucasian: 'Северо-Кавказский',
  volga: 'Приволжский',
  ural: 'Уральский',
  siberian: 'Сибирский',
  far_eastern: 'Дальневосточный',
} as const;
export type FederalDistrict = keyof typeof FEDERAL_DISTRICTS;
