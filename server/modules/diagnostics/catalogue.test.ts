import { describe, expect, it } from 'vitest';
import { knownDimensions, GRADE_BANDS } from '@common/diagnostics/dimensions.js';
import { GAME_TYPES, type TestDefinition } from '@common/diagnostics/definition.js';
import { SPHERES } from '@server/seed/competencies.data.js';
import { SOFT_SKILLS } from '@server/seed/soft-skills.data.js';
import { readCatalogueFiles } from './catalogue-files.js';
import { parseDefinition } from './definition-parser.js';

const known = knownDimensions({
  spheres: SPHERES.map((s) => s.code),
  competencies: SPHERES.flatMap((s) => s.competencies.map((c) => c.code)),
  softSkills: SOFT_SKILLS.map((s) => s.code),
});

const files = readCatalogueFiles();
const definitions: TestDefinition[] = [];

describe('the catalogue', () => {
  it.each(files.map((f) => [f.name, f.source] as const))('%s is a valid definition', (name, source) => {
    const result = parseDefinition(source, known);
    expect(result.ok ? [] : result.errors.map((e) => `${name}:${e.line ?? '?'} ${e.field}: ${e.message}`)).toEqual([]);
    if (result.ok) {
      expect(`${result.definition.slug}.yaml`).toBe(name);
      definitions.push(result.definition);
    }
  });

  it('holds at least 24 tests and a game of every type, every grade band served', () => {
    const tests = definitions.filter((d) => d.kind === 'test');
    expect(tests.length).toBeGreaterThanOrEqual(24);
    expect(new Set(definitions.filter((d) => d.kind === 'game').map((d) => d.game!.type))).toEqual(new Set(GAME_TYPES));
    for (const band of GRADE_BANDS) expect(tests.filter((d) => d.gradeBands.includes(band)).length).toBeGreaterThanOrEqual(8);
  });

  it('covers every footprint direction and all 15 spheres', () => {
    const mapped = new Set(definitions.flatMap((d) => d.scales.flatMap((s) => s.maps.map((m) => m.dimension))));
    const kinds = new Set([...mapped].map((k) => k.split(':')[0]));
    expect(kinds).toEqual(new Set(['sphere', 'competency', 'soft_skill', 'awareness', 'environment']));
    for (const sphere of SPHERES) {
      expect(mapped, `sphere ${sphere.code}`).toContain(`sphere:${sphere.code}`);
      expect(mapped, `awareness of ${sphere.code}`).toContain(`awareness:${sphere.code}`);
    }
    for (const skill of SOFT_SKILLS) expect(mapped, `soft skill ${skill.code}`).toContain(`soft_skill:${skill.code}`);
  });

  it('names only existing tests as next steps and as the base of an adapted variant', () => {
    const slugs = new Set(definitions.map((d) => d.slug));
    for (const d of definitions) {
      for (const next of d.nextTests) expect(slugs, `${d.slug} → ${next}`).toContain(next);
      if (d.ovz) expect(slugs, `${d.slug} adapts ${d.ovz.variantOf}`).toContain(d.ovz.variantOf);
    }
  });
});
