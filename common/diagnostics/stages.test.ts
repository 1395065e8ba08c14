import { describe, expect, it } from 'vitest';
import { stageProgress, type DiagnosticStage } from './stages.js';

const t = (stage: DiagnosticStage | null, completed = false) => ({ stage, completed });

describe('stage progress', () => {
  it('puts a pupil who has done nothing at the first stage', () => {
    const progress = stageProgress([t('interests'), t('interests'), t('abilities'), t('professions')]);
    expect(progress.map((p) => [p.stage, p.offered, p.completed, p.current])).toEqual([
      ['interests', 2, 0, true],
      ['abilities', 1, 0, false],
      ['professions', 1, 0, false],
    ]);
  });

  it('moves on after three tests of a stage, or all of them when it has fewer', () => {
    const interests = [t('interests', true), t('interests', true), t('interests', true), t('interests')];
    expect(stageProgress([...interests, t('abilities'), t('professions')]).find((p) => p.current)?.stage).toBe('abilities');
    expect(stageProgress([t('interests', true), t('abilities', true), t('professions')]).find((p) => p.current)?.stage).toBe('professions');
  });

  it('counts tests taken out of order without skipping an unfinished earlier stage', () => {
    const progress = stageProgress([t('interests'), t('professions', true), t('professions', true), t('professions', true)]);
    expect(progress.find((p) => p.current)?.stage).toBe('interests');
    expect(progress.find((p) => p.stage === 'professions')?.completed).toBe(3);
  });

  it('has no current stage once every goal is reached, and leaves out tests without a stage', () => {
    const progress = stageProgress([t('interests', true), t('abilities', true), t('professions', true), t(null)]);
    expect(progress.some((p) => p.current)).toBe(false);
    expect(progress.reduce((sum, p) => sum + p.offered, 0)).toBe(3);
  });

  it('passes a stage that offers no test to a grade', () => {
    expect(stageProgress([t('abilities')]).find((p) => p.current)?.stage).toBe('abilities');
  });
});
