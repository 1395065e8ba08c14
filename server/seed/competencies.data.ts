/**
 * The 15 professional spheres of the digital footprint and the competencies in them.
 *
 * Competency names follow the public list of the professional-skills championships
 * («Профессионалы», formerly WorldSkills Russia), so a pupil meets the same words at a venue, in a
 * championship and in a college's programme. Each competency sits in exactly one sphere.
 *
 * Codes are stable identifiers for tests, imports and footprint mappings: never change or reuse
 * one. Names may be edited by the issuer later; the seed never overwrites them.
 */
export interface SphereSeed {
  code: string;
  name: string;
  competencies: ReadonlyArray<{ code: string; name: string }>;
}

export const SPHERES: ReadonlyArray<SphereSeed> = [
  {
    code: 'it',
    name: 'ИТ и цифровые технологии',
    competencies: [
      { code: 'web-technologies', name: 'Веб-технологии' },
      { code: 'business-software', name: 'Программные решения для бизнеса' },
      { code: 'mobile-apps', name: 'Разработка мобильных приложений' },
      { code: 'games-multimedia', name: 'Разработка компьютерных игр и мультимедийных приложений' },
      { code: 'vr-ar', name: 'Разработка виртуальной и дополненной реальности' },
      { code: 'network-administration', name: 'Сетевое и системное администрирование' },
      { code: 'cyber-security', name: 'Кибербезопасность' },
      { code: 'machine-learning', name: 'Машинное обучение и большие данные' },
      { code: 'cabling', name: 'Информационные кабельные сети' },
      { code: 'internet-of-things', name: 'Интернет вещей' },
    ],
  },
  {
    code: 'industry',
    name: 'Промышленность и инженерия',
    competencies: [
      { code: 'cnc-turning', name: 'Токарные работы на станках с ЧПУ' },
      { code: 'cnc-milling', name: 'Фрезерные работы на станках с ЧПУ' },
      { code: 'additive-manufacturing', name: 'Аддитивное производство' },
      { code: 'cad', name: 'Инженерный дизайн CAD' },
      { code: 'prototyping', name: 'Изготовление прототипов' },
      { code: 'mechatronics', name: 'Мехатроника' },
      { code: 'industrial-automation', name: 'Промышленная автоматика' },
      { code: 'mobile-robotics', name: 'Мобильная робототехника' },
      { code: 'industrial-robotics', name: 'Промышленная робототехника' },
      { code: 'welding', name: 'Сварочные технологии' },
      { code: 'metal-construction', name: 'Производство металлоконструкций' },
      { code: 'non-destructive-testing', name: 'Неразрушающий контроль' },
      { code: 'composites', name: 'Технологии композитов' },
    ],
  },
  {
    code: 'construction',
    name: 'Строительство и архитектура',
    competencies: [
      { code: 'bricklaying', name: 'Кирпичная кладка' },
      { code: 'plumbing-heating', name: 'Сантехника и отопление' },
      { code: 'wall-floor-tiling', name: 'Облицовка плиткой' },
      { code: 'painting-decorating', name: 'Малярные и декоративные работы' },
      { code: 'plastering-drywall', name: 'Сухое строительство и штукатурные работы' },
      { code: 'joinery', name: 'Столярное дело' },
      { code: 'carpentry', name: 'Плотницкое дело' },
      { code: 'surveying', name: 'Геодезия' },
      { code: 'bim', name: 'Технологии информационного моделирования BIM' },
      { code: 'landscape-gardening', name: 'Ландшафтный дизайн' },
    ],
  },
  {
    code: 'transport',
    name: 'Транспорт и логистика',
    competencies: [
      { code: 'car-maintenance', name: 'Ремонт и обслуживание легковых автомобилей' },
      { code: 'autobody-repair', name: 'Кузовной ремонт' },
      { code: 'car-painting', name: 'Окраска автомобиля' },
      { code: 'heavy-vehicles', name: 'Обслуживание тяжёлой техники' },
      { code: 'aircraft-maintenance', name: 'Обслуживание авиационной техники' },
      { code: 'drones', name: 'Эксплуатация беспилотных авиационных систем' },
      { code: 'freight-forwarding', name: 'Экспедирование грузов' },
      { code: 'logistics-operations', name: 'Операционная деятельность в логистике' },
    ],
  },
  {
    code: 'agriculture',
    name: 'Сельское хозяйство и агротехнологии',
    competencies: [
      { code: 'agronomy', name: 'Агрономия' },
      { code: 'veterinary', name: 'Ветеринария' },
      { code: 'livestock', name: 'Животноводство' },
      { code: 'agricultural-machinery', name: 'Эксплуатация сельскохозяйственных машин' },
    ],
  },
  {
    code: 'health',
    name: 'Медицина и здоровье',
    competencies: [
      { code: 'health-social-care', name: 'Медицинский и социальный уход' },
      { code: 'medical-treatment', name: 'Лечебная деятельность (фельдшер)' },
      { code: 'medical-lab', name: 'Лабораторный медицинский анализ' },
      { code: 'pharmacy', name: 'Фармацевтика' },
      { code: 'dental-technology', name: 'Стоматология ортопедическая' },
    ],
  },
  {
    code: 'education',
    name: 'Образование и социальная сфера',
    competencies: [
      { code: 'primary-teaching', name: 'Преподавание в младших классах' },
      { code: 'preschool-education', name: 'Дошкольное воспитание' },
      { code: 'physical-education', name: 'Физическая культура, спорт и фитнес' },
      { code: 'music-teaching', name: 'Преподавание музыки в школе' },
      { code: 'social-work', name: 'Социальная работа' },
    ],
  },
  {
    code: 'creative',
    name: 'Творчество и дизайн',
    competencies: [
      { code: 'graphic-design', name: 'Графический дизайн' },
      { code: 'interior-design', name: 'Дизайн интерьера' },
      { code: 'photography', name: 'Фотография' },
      { code: 'fashion-technology', name: 'Технологии моды' },
      { code: 'jewellery', name: 'Ювелирное дело' },
      { code: 'floristry', name: 'Флористика' },
    ],
  },
  {
    code: 'media',
    name: 'Медиа и коммуникации',
    competencies: [
      { code: 'media-communications', name: 'Медиакоммуникации' },
      { code: 'video-production', name: 'Видеопроизводство' },
      { code: 'printing', name: 'Печатные технологии в прессовом производстве' },
    ],
  },
  {
    code: 'service',
    name: 'Сервис и туризм',
    competencies: [
      { code: 'restaurant-service', name: 'Ресторанный сервис' },
      { code: 'hotel-reception', name: 'Администрирование отеля' },
      { code: 'tourism', name: 'Туризм' },
      { code: 'excursion-services', name: 'Организация экскурсионных услуг' },
      { code: 'air-transport-service', name: 'Сервис на воздушном транспорте' },
      { code: 'visual-merchandising', name: 'Визуальный мерчендайзинг' },
    ],
  },
  {
    code: 'beauty',
    name: 'Красота и стиль',
    competencies: [
      { code: 'hairdressing', name: 'Парикмахерское искусство' },
      { code: 'beauty-therapy', name: 'Эстетическая косметология' },
      { code: 'makeup', name: 'Визаж и стилистика' },
      { code: 'nail-service', name: 'Ногтевой сервис' },
    ],
  },
  {
    code: 'food',
    name: 'Пищевое производство и общественное питание',
    competencies: [
      { code: 'cooking', name: 'Поварское дело' },
      { code: 'confectionery', name: 'Кондитерское дело' },
      { code: 'bakery', name: 'Хлебопечение' },
      { code: 'dairy', name: 'Производство молочной продукции' },
    ],
  },
  {
    code: 'finance',
    name: 'Экономика и финансы',
    competencies: [
      { code: 'banking', name: 'Банковское дело' },
      { code: 'accounting', name: 'Бухгалтерский учёт' },
      { code: 'entrepreneurship', name: 'Предпринимательство' },
    ],
  },
  {
    code: 'energy',
    name: 'Энергетика',
    competencies: [
      { code: 'electrical-installations', name: 'Электромонтаж' },
      { code: 'electronics', name: 'Электроника' },
      { code: 'relay-protection', name: 'Обслуживание и ремонт оборудования релейной защиты и автоматики' },
      { code: 'cable-lines', name: 'Эксплуатация кабельных линий электропередачи' },
      { code: 'renewable-energy', name: 'Возобновляемая энергетика' },
      { code: 'refrigeration', name: 'Холодильная техника и системы кондиционирования' },
    ],
  },
  {
    code: 'science-ecology',
    name: 'Наука и экология',
    competencies: [
      { code: 'chemical-lab', name: 'Лабораторный химический анализ' },
      { code: 'geological-exploration', name: 'Геологическая разведка' },
      { code: 'environmental-protection', name: 'Охрана окружающей среды' },
    ],
  },
];
