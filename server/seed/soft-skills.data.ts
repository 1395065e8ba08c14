/**
 * The ten soft skills of the footprint's "knowledge and skills" direction. The programme names
 * attention, construction and memory (its games measure them); the other seven are the skills
 * career-guidance questionnaires and mentors' feedback most often observe in pupils of 11–17.
 * Codes are stable identifiers for test definitions: never change or reuse one.
 */
export const SOFT_SKILLS: ReadonlyArray<{ code: string; name: string; description: string }> = [
  {
    code: 'attention',
    name: 'Внимание',
    description: 'Умение долго держать фокус на задаче, быстро находить нужное и не отвлекаться на лишнее.',
  },
  {
    code: 'construction',
    name: 'Конструирование',
    description: 'Пространственное мышление: представить предмет с разных сторон, собрать целое из частей, прочитать схему.',
  },
  {
    code: 'memory',
    name: 'Память',
    description: 'Запоминать и удерживать в голове последовательности, правила и детали, пока они нужны для дела.',
  },
  {
    code: 'communication',
    name: 'Коммуникация',
    description: 'Ясно объяснять свою мысль, слушать собеседника, задавать вопросы и договариваться.',
  },
  {
    code: 'teamwork',
    name: 'Работа в команде',
    description: 'Делить задачу с другими, выполнять свою часть в срок, помогать и принимать помощь.',
  },
  {
    code: 'critical-thinking',
    name: 'Критическое мышление',
    description: 'Проверять факты, замечать ошибки в рассуждениях и отличать мнение от доказательства.',
  },
  {
    code: 'creativity',
    name: 'Креативность',
    description: 'Придумывать новые решения, смотреть на привычное под другим углом, пробовать необычное.',
  },
  {
    code: 'self-organisation',
    name: 'Самоорганизация',
    description: 'Планировать время, ставить себе цели и доводить начатое до конца без напоминаний.',
  },
  {
    code: 'emotional-intelligence',
    name: 'Эмоциональный интеллект',
    description: 'Понимать свои и чужие чувства, справляться с волнением и учитывать настроение других.',
  },
  {
    code: 'leadership',
    name: 'Лидерство',
    description: 'Брать на себя ответственность, увлекать других общей целью и принимать решения.',
  },
];

/**
 * Clusters of the awareness direction: where a pupil stands in knowing the world of professions,
 * from the mean of its awareness dimensions. Bounds are inclusive and cover 0–100 without gaps.
 */
export const AWARENESS_LEVELS: ReadonlyArray<{
  code: string;
  name: string;
  minScore: number;
  maxScore: number;
  pupilText: string;
  parentText: string;
}> = [
  {
    code: 'exploring',
    name: 'Знакомство',
    minScore: 0,
    maxScore: 39,
    pupilText:
      'Ты только начинаешь разбираться в мире профессий, и это нормально. Пробуй разные тесты и профпробы: чем больше узнаешь, тем легче выбрать.',
    parentText:
      'Ребёнок пока мало знает о профессиях и о том, чему и где им учатся. Поговорите о работе близких, сходите вместе на профпробу или день открытых дверей.',
  },
  {
    code: 'forming',
    name: 'Осознанный интерес',
    minScore: 40,
    maxScore: 69,
    pupilText:
      'Ты уже знаешь о нескольких профессиях и понимаешь, что тебе ближе. Следующий шаг: попробовать их на практике и узнать, где им учат.',
    parentText:
      'У ребёнка складываются интересы, но знания о профессиях пока неполные. Помогите узнать о требованиях, колледжах и вузах, запишите на профпробу по интересу.',
  },
  {
    code: 'oriented',
    name: 'Уверенный ориентир',
    minScore: 70,
    maxScore: 100,
    pupilText:
      'Ты хорошо ориентируешься в профессиях и понимаешь, что нужно для выбранного пути. Проверь свой выбор на профпробах и составь план подготовки.',
    parentText:
      'Ребёнок хорошо знает мир профессий и видит свой путь. Поддержите план: экзамены, дополнительные занятия, профильные смены и стажировки.',
  },
];
