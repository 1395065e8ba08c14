/**
 * The order the catalogue guides a pupil through: first what interests it and what it wants, then
 * what it can do, then what it knows about professions. The pupil may still take any test at any
 * time; the stage only says where to look first.
 */
export const DIAGNOSTIC_STAGES = ['interests', 'abilities', 'professions'] as const;
export type DiagnosticStage = (typeof DIAGNOSTIC_STAGES)[number];

export const STAGE_TITLES: Record<DiagnosticStage, string> = {
  interests: 'Интересы и ценности',
  abilities: 'Способности и навыки',
  professions: 'Знания о профессиях',
};

export const STAGE_LEADS: Record<DiagnosticStage, string> = {
  interests: 'Что тебе нравится, что для тебя важно и насколько ты готов выбирать.',
  abilities: 'Что у тебя получается: внимание, память, мышление, общение и другие навыки.',
  professions: 'Что ты знаешь о профессиях в разных сферах и где им учат.',
};

/** Completed tests that move a pupil past a stage; a stage with fewer tests asks for all of them. */
export const STAGE_GOAL = 3;

export interface StageProgress {
  stage: DiagnosticStage;
  offered: number;
  completed: number;
  /** Completed tests that pass the stage: STAGE_GOAL, or all it offers when fewer (none for a stage without tests). */
  goal: number;
  reached: boolean;
  /** The first stage whose goal is not yet reached; after the last one, none. */
  current: boolean;
}

/** Where a pupil stands in each stage, from the stage and completion of every test it is offered. */
export function stageProgress(tests: ReadonlyArray<{ stage: DiagnosticStage | null; completed: boolean }>): StageProgress[] {
  let currentFound = false;
  return DIAGNOSTIC_STAGES.map((stage) => {
    const inStage = tests.filter((t) => t.stage === stage);
    const completed = inStage.filter((t) => t.completed).length;
    const goal = Math.min(STAGE_GOAL, inStage.length);
    const reached = completed >= goal;
    const current = !currentFound && !reached;
    if (current) currentFound = true;
    return { stage, offered: inStage.length, completed, goal, reached, current };
  });
}
