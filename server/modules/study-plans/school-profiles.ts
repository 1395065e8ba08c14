import type { SchoolProfile } from '@common/guidance.js';

/**
 * The one mapping from the reference model's spheres to senior school (ФГОС СОО): which of the
 * five profiles a sphere leads to, which school subjects carry it (to deepen in grades 8–11, to
 * try in 6–7), and what a pupil of 6–7 can do outside lessons to test the interest. The drafting
 * reads nothing else to decide a profile or subjects; a sphere not listed here leads to the
 * universal profile, which keeps every door open.
 *
 * The profile of the pupil's strongest interests wins, each interest weighted by its strength;
 * the universal profile is recommended when no profile gathers at least PROFILE_MIN_SHARE of
 * the weight, i.e. when interests pull in different directions.
 */
export interface SphereGuidance {
  profile: SchoolProfile;
  subjects: readonly string[];
  activities: readonly string[];
}

export const PROFILE_MIN_SHARE = 0.5;

export const SPHERE_GUIDANCE: Readonly<Record<string, SphereGuidance>> = {
  it: { profile: 'technological', subjects: ['Информатика', 'Математика'], activities: ['Кружок программирования', 'Олимпиада по информатике для начинающих'] },
  industry: { profile: 'technological', subjects: ['Физика', 'Математика', 'Технология'], activities: ['Кружок робототехники', 'Моделирование и 3D-печать'] },
  construction: { profile: 'technological', subjects: ['Математика', 'Физика', 'Черчение и технология'], activities: ['Макетирование', 'Столярная мастерская'] },
  transport: { profile: 'technological', subjects: ['Физика', 'Математика', 'География'], activities: ['Авиамоделирование', 'Кружок картинга или автодела'] },
  energy: { profile: 'technological', subjects: ['Физика', 'Математика', 'Химия'], activities: ['Кружок электроники', 'Экскурсия на энергетический объект'] },
  agriculture: { profile: 'natural_science', subjects: ['Биология', 'Химия', 'География'], activities: ['Школьный огород или теплица', 'Юннатский кружок'] },
  health: { profile: 'natural_science', subjects: ['Биология', 'Химия'], activities: ['Курс первой помощи', 'Волонтёрство в социальном проекте'] },
  'science-ecology': { profile: 'natural_science', subjects: ['Биология', 'Химия', 'Физика'], activities: ['Экологический кружок', 'Исследовательский проект'] },
  food: { profile: 'natural_science', subjects: ['Химия', 'Биология'], activities: ['Кулинарная мастерская', 'Проект о здоровом питании'] },
  education: { profile: 'humanities', subjects: ['Обществознание', 'Русский язык', 'Литература'], activities: ['Вожатство и помощь младшим', 'Школьный клуб наставников'] },
  media: { profile: 'humanities', subjects: ['Литература', 'Русский язык', 'Иностранный язык'], activities: ['Школьная газета или медиацентр', 'Кружок видеосъёмки'] },
  creative: { profile: 'humanities', subjects: ['Изобразительное искусство', 'Литература', 'История'], activities: ['Художественная студия', 'Кружок дизайна'] },
  finance: { profile: 'socio_economic', subjects: ['Математика', 'Обществознание', 'Экономика'], activities: ['Курс финансовой грамотности', 'Школьный бизнес-проект'] },
  service: { profile: 'socio_economic', subjects: ['Обществознание', 'Иностранный язык', 'География'], activities: ['Краеведческий клуб и экскурсии', 'Организация школьного события'] },
  beauty: { profile: 'socio_economic', subjects: ['Химия', 'Изобразительное искусство', 'Обществознание'], activities: ['Студия стиля', 'Мастер-класс в салоне'] },
};

export const UNIVERSAL_SUBJECTS: readonly string[] = ['Математика', 'Русский язык', 'Иностранный язык'];
