import { z } from 'zod';
import { GRADE_BANDS } from './dimensions.js';
import { DIAGNOSTIC_STAGES } from './stages.js';

/**
 * The format of a test or game definition, version 1. Methodologists write it in YAML or JSON;
 * `docs/diagnostics/test-definition.schema.json` is generated from this schema. Rules that JSON
 * Schema cannot say (keys naming existing items, norm tables without gaps) are checked by
 * `checkDefinition` below, so both the server and the workbench's preview give the same errors.
 */

export const MAX_ITEMS = 200;
export const MAX_SCALES = 40;
export const MAX_DEFINITION_BYTES = 1024 * 1024;

const MARKUP = /<\s*\/?\s*[a-z!?][^>]*>/i;

function textSchema(max: number) {
  return z
    .string({ error: 'Нужен текст' })
    .trim()
    .min(1, { error: 'Текст не может быть пустым' })
    .max(max, { error: `Не длиннее ${max} символов` })
    .refine((v) => !MARKUP.test(v), { error: 'HTML-разметка в текстах не допускается: пишите обычным текстом' });
}

const codeSchema = z
  .string({ error: 'Нужен код' })
  .regex(/^[a-z0-9][a-z0-9_-]{0,63}$/, { error: 'Код: латинские строчные буквы, цифры, «-» и «_», до 64 символов' });

export const slugSchema = codeSchema;

const optionSchema = z.strictObject({ id: codeSchema, text: textSchema(300) });

const itemCommon = {
  id: codeSchema,
  text: textSchema(1000),
  hint: textSchema(500).optional(),
};

const choiceOptions = (min: number, max: number) =>
  z.array(optionSchema).min(min, { error: `Нужно не меньше ${min} вариантов` }).max(max, { error: `Не больше ${max} вариантов` });

export const itemSchema = z.discriminatedUnion(
  'type',
  [
    z.strictObject({ ...itemCommon, type: z.literal('single'), options: choiceOptions(2, 12) }),
    z.strictObject({
      ...itemCommon,
      type: z.literal('multiple'),
      options: choiceOptions(2, 12),
      maxChoices: z.int().min(1).max(12).optional(),
    }),
    z.strictObject({
      ...itemCommon,
      type: z.literal('likert'),
      points: z.int().min(3, { error: 'Шкала Лайкерта: от 3 до 7 делений' }).max(7, { error: 'Шкала Лайкерта: от 3 до 7 делений' }),
      labels: z.array(textSchema(80)).optional(),
    }),
    z.strictObject({ ...itemCommon, type: z.literal('forced'), options: choiceOptions(2, 2) }),
    z.strictObject({ ...itemCommon, type: z.literal('ranking'), options: choiceOptions(2, 8) }),
    z.strictObject({
      ...itemCommon,
      type: z.literal('numeric'),
      min: z.number().finite(),
      max: z.number().finite(),
      integer: z.boolean().default(true),
      unit: textSchema(30).optional(),
    }),
  ],
  { error: 'Неизвестный тип задания: допустимы single, multiple, likert, forced, ranking, numeric' },
);

export type DefinitionItem = z.infer<typeof itemSchema>;
export type ItemType = DefinitionItem['type'];

const weightSchema = z.number().positive({ error: 'Вес больше нуля' }).max(10, { error: 'Вес не больше 10' });

export const scoringKeySchema = z.strictObject({
  item: codeSchema,
  weight: weightSchema.default(1),
  /** Likert only: the item counts from the other end of the scale. */
  reverse: z.boolean().default(false),
  /** Choice and ranking items: the option that earns the weight (ranking: by its place). */
  option: codeSchema.optional(),
  /** Numeric items: the right answer and how far from it still counts. */
  correct: z.number().finite().optional(),
  tolerance: z.number().min(0).default(0),
});
export type ScoringKey = z.infer<typeof scoringKeySchema>;

const normRowSchema = z.strictObject({
  from: z.number().finite(),
  to: z.number().finite(),
  score: z.number().finite(),
});
export type NormRow = z.infer<typeof normRowSchema>;

export const normsSchema = z.strictObject({
  kind: z.enum(['sten', 'percentile'], { error: 'Нормы: sten или percentile' }),
  bands: z.partialRecord(z.enum(GRADE_BANDS), z.array(normRowSchema).min(1).max(200)),
});

const levelSchema = z.strictObject({
  from: z.int().min(0).max(100),
  to: z.int().min(0).max(100),
  title: textSchema(120),
  text: textSchema(2000),
});

const mappingSchema = z.strictObject({
  dimension: z.string().regex(/^[a-z_]+:[a-z0-9_-]+$/, { error: 'Измерение пишется как вид:код, например sphere:it' }),
  weight: z.number().positive().max(1, { error: 'Вес связи от 0 до 1' }).default(1),
});

export const scaleSchema = z.strictObject({
  id: codeSchema,
  title: textSchema(120),
  description: textSchema(1000).optional(),
  method: z.enum(['sum', 'mean'], { error: 'Способ подсчёта: sum или mean' }).default('sum'),
  keys: z.array(scoringKeySchema).max(MAX_ITEMS * 4).default([]),
  /** Games only: the scorer's metric this scale reports. */
  metric: codeSchema.optional(),
  norms: normsSchema.optional(),
  maps: z.array(mappingSchema).max(100).default([]),
  /**
   * A Likert scale of four or more items carries a reverse-keyed item against answering "yes" to
   * everything; where the construct has no natural reverse (interest in a sphere), the author says why here.
   */
  noReverseReason: textSchema(300).optional(),
  levels: z.array(levelSchema).min(1, { error: 'Нужен хотя бы один уровень с интерпретацией' }).max(10),
});
export type DefinitionScale = z.infer<typeof scaleSchema>;

export const GAME_TYPES = ['schulte', 'sequence', 'rotation', 'stroop', 'nback', 'tower'] as const;
export type GameType = (typeof GAME_TYPES)[number];

export const definitionSchema = z.strictObject({
  format: z.literal(1, { error: 'Поддерживается формат 1' }),
  slug: slugSchema,
  kind: z.enum(['test', 'game'], { error: 'Вид: test или game' }),
  title: textSchema(150),
  summary: textSchema(300),
  description: textSchema(3000),
  instructions: textSchema(2000).optional(),
  gradeBands: z.array(z.enum(GRADE_BANDS, { error: 'Параллели: 6-7, 8-9 или 10-11' })).min(1).max(3),
  /** Where the catalogue places the test on the pupil's way (stages.ts); a test without one is listed apart. */
  stage: z.enum(DIAGNOSTIC_STAGES, { error: 'Этап: interests, abilities или professions' }).optional(),
  ovz: z
    .strictObject({
      /** This definition replaces the named one for pupils with ОВЗ. */
      variantOf: slugSchema,
      adaptations: textSchema(1000),
    })
    .optional(),
  durationMinutes: z.int().min(1).max(120),
  retakeAfterDays: z.int().min(0).max(365).default(30),
  source: textSchema(500),
  licence: textSchema(300),
  nextTests: z.array(slugSchema).max(10).default([]),
  game: z.strictObject({ type: z.enum(GAME_TYPES, { error: 'Игра: schulte, sequence, rotation, stroop, nback или tower' }) }).optional(),
  items: z
    .array(itemSchema)
    .max(MAX_ITEMS, { error: `В тесте не больше ${MAX_ITEMS} заданий: разделите его на несколько` })
    .default([]),
  scales: z.array(scaleSchema).min(1, { error: 'Нужна хотя бы одна шкала' }).max(MAX_SCALES),
});

export type TestDefinition = z.infer<typeof definitionSchema>;
export type TestDefinitionInput = z.input<typeof definitionSchema>;

export interface DefinitionProblem {
  path: Array<string | number>;
  message: string;
}

/** The dimension keys a definition may map onto: the reference tables decide them. */
export type KnownDimensions = ReadonlySet<string>;

/** Cross-field rules of a parsed definition; an empty list means it can be published. */
export function checkDefinition(def: TestDefinition, known: KnownDimensions): DefinitionProblem[] {
  const problems: DefinitionProblem[] = [];
  const add = (path: Array<string | number>, message: string) => problems.push({ path, message });

  if (new Set(def.gradeBands).size !== def.gradeBands.length) add(['gradeBands'], 'Параллель указана дважды');
  if (def.ovz && def.ovz.variantOf === def.slug) add(['ovz', 'variantOf'], 'Вариант не может ссылаться сам на себя');

  if (def.kind === 'game') {
    if (!def.game) add(['game'], 'Для игры укажите её тип: game: { type: schulte }');
    if (def.items.length > 0) add(['items'], 'У игры нет заданий: её результат считается по ходу игры');
  } else {
    if (def.game) add(['game'], 'Поле game только для игр (kind: game)');
    if (def.items.length === 0) add(['items'], 'В тесте нужно хотя бы одно задание');
  }

  const items = new Map<string, DefinitionItem>();
  def.items.forEach((item, i) => {
    if (items.has(item.id)) add(['items', i, 'id'], `Задание «${item.id}» уже есть выше`);
    items.set(item.id, item);
    checkItem(item, ['items', i], add);
  });

  const scaleIds = new Set<string>();
  def.scales.forEach((scale, s) => {
    const at = ['scales', s];
    if (scaleIds.has(scale.id)) add([...at, 'id'], `Шкала «${scale.id}» уже есть выше`);
    scaleIds.add(scale.id);
    if (def.kind === 'game') {
      if (!scale.metric) add([...at, 'metric'], 'Шкала игры называет показатель игры (metric)');
      if (scale.keys.length > 0) add([...at, 'keys'], 'У шкалы игры нет ключей');
    } else {
      if (scale.metric) add([...at, 'metric'], 'Показатель (metric) бывает только у игр');
      if (scale.keys.length === 0) add([...at, 'keys'], 'Шкала должна опираться хотя бы на одно задание');
      scale.keys.forEach((key, k) => checkKey(key, items.get(key.item), [...at, 'keys', k], add));
    }
    scale.maps.forEach((map, m) => {
      if (!known.has(map.dimension)) add([...at, 'maps', m, 'dimension'], `Неизвестное измерение следа «${map.dimension}»`);
    });
    checkLevels(scale, at, add);
    if (scale.norms && def.kind === 'test' && !problems.some((p) => p.path[0] === 'scales' && p.path[1] === s)) {
      checkNorms(def, scale, at, add);
    }
  });
  return problems;
}

type Add = (path: Array<string | number>, message: string) => void;

function checkItem(item: DefinitionItem, at: Array<string | number>, add: Add): void {
  if ('options' in item) {
    const ids = new Set<string>();
    item.options.forEach((o, i) => {
      if (ids.has(o.id)) add([...at, 'options', i, 'id'], `Вариант «${o.id}» уже есть в этом задании`);
      ids.add(o.id);
    });
  }
  if (item.type === 'likert' && item.labels && item.labels.length !== item.points) {
    add([...at, 'labels'], `Подписей должно быть столько же, сколько делений: ${item.points}`);
  }
  if (item.type === 'multiple' && item.maxChoices && item.maxChoices > item.options.length) {
    add([...at, 'maxChoices'], 'Нельзя выбрать больше вариантов, чем их есть');
  }
  if (item.type === 'numeric' && !(item.min < item.max)) add([...at, 'max'], 'Максимум должен быть больше минимума');
}

function checkKey(key: ScoringKey, item: DefinitionItem | undefined, at: Array<string | number>, add: Add): void {
  if (!item) {
    add([...at, 'item'], `Задания «${key.item}» в тесте нет`);
    return;
  }
  if (key.reverse && item.type !== 'likert') add([...at, 'reverse'], 'Обратный ключ бывает только у шкалы Лайкерта');
  if ('options' in item) {
    if (!key.option) add([...at, 'option'], 'Укажите вариант ответа, который даёт баллы');
    else if (!item.options.some((o) => o.id === key.option)) add([...at, 'option'], `В задании «${item.id}» нет варианта «${key.option}»`);
  } else if (key.option) {
    add([...at, 'option'], 'Вариант указывают только для заданий с вариантами');
  }
  if (item.type === 'numeric' && key.correct !== undefined && (key.correct < item.min || key.correct > item.max)) {
    add([...at, 'correct'], 'Правильный ответ вне допустимых значений задания');
  }
  if (item.type !== 'numeric' && key.correct !== undefined) add([...at, 'correct'], 'Правильное число бывает только у числовых заданий');
}

function checkLevels(scale: DefinitionScale, at: Array<string | number>, add: Add): void {
  const levels = [...scale.levels].sort((a, b) => a.from - b.from);
  let expected = 0;
  for (const level of levels) {
    if (level.to < level.from) {
      add([...at, 'levels', scale.levels.indexOf(level)], 'Уровень: «до» меньше «от»');
      return;
    }
    if (level.from !== expected) {
      add([...at, 'levels'], `Уровни должны покрывать баллы 0–100 без пропусков и наложений: ожидался уровень с ${expected}`);
      return;
    }
    expected = level.to + 1;
  }
  if (expected !== 101) add([...at, 'levels'], `Уровни должны доходить до 100, последний кончается на ${expected - 1}`);
}

function checkNorms(def: TestDefinition, scale: DefinitionScale, at: Array<string | number>, add: Add): void {
  const norms = scale.norms!;
  const range = rawRange(def, scale);
  for (const band of def.gradeBands) {
    const rows = norms.bands[band];
    const here = [...at, 'norms', 'bands', band];
    if (!rows) {
      add([...at, 'norms', 'bands'], `Нет норм для параллели ${band}`);
      continue;
    }
    if (rows[0]!.from > range.min) add([...here, 0, 'from'], `Нормы начинаются с ${rows[0]!.from}, а сырой балл может быть ${round2(range.min)}`);
    if (rows[rows.length - 1]!.to < range.max) {
      add([...here, rows.length - 1, 'to'], `Нормы кончаются на ${rows[rows.length - 1]!.to}, а сырой балл может быть ${round2(range.max)}`);
    }
    rows.forEach((row, r) => {
      if (row.to < row.from) add([...here, r], 'Строка норм: «до» меньше «от»');
      if (r > 0 && row.from !== rows[r - 1]!.to) {
        add([...here, r, 'from'], `Пропуск или наложение в нормах: строка начинается с ${row.from}, а предыдущая кончается на ${rows[r - 1]!.to}`);
      }
      const [lo, hi] = norms.kind === 'sten' ? [1, 10] : [0, 100];
      if (row.score < lo || row.score > hi) add([...here, r, 'score'], `Балл норм от ${lo} до ${hi}`);
    });
  }
}

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}

/** The lowest and highest raw score a scale can give, from its keys and their items. */
export function rawRange(def: TestDefinition, scale: DefinitionScale): { min: number; max: number } {
  const byItem = new Map<string, ScoringKey[]>();
  for (const key of scale.keys) byItem.set(key.item, [...(byItem.get(key.item) ?? []), key]);
  let min = 0;
  let max = 0;
  for (const [itemId, keys] of byItem) {
    const item = def.items.find((i) => i.id === itemId);
    if (!item) continue;
    const range = keyedItemRange(item, keys);
    min += range.min;
    max += range.max;
  }
  if (scale.method === 'mean' && byItem.size > 0) return { min: min / byItem.size, max: max / byItem.size };
  return { min, max };
}

/** The lowest and highest an item can add to a scale through its keys there. */
export function keyedItemRange(item: DefinitionItem, keys: ScoringKey[]): { min: number; max: number } {
  const weights = keys.map((k) => k.weight);
  switch (item.type) {
    case 'likert':
      return { min: sum(weights), max: sum(weights) * item.points };
    case 'single':
    case 'forced': {
      const unkeyed = item.options.some((o) => !keys.some((k) => k.option === o.id));
      return { min: unkeyed ? 0 : Math.min(...weights), max: Math.max(...weights) };
    }
    case 'multiple':
      return { min: 0, max: sum([...weights].sort((a, b) => b - a).slice(0, item.maxChoices ?? weights.length)) };
    case 'ranking': {
      const steps = item.options.length - 1;
      const desc = [...weights].sort((a, b) => b - a);
      return {
        // The heaviest keyed option placed last earns nothing, the next one a step above it, and so on.
        min: sum(desc.map((w, i) => (w * i) / steps)),
        max: sum(desc.map((w, i) => (w * (steps - i)) / steps)),
      };
    }
    case 'numeric':
      return { min: 0, max: sum(weights) };
  }
}

function sum(values: number[]): number {
  return values.reduce((a, b) => a + b, 0);
}
