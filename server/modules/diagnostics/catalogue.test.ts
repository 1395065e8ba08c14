import { describe, expect, it } from 'vitest';
import { knownDimensions, GRADE_BANDS } from '@common/diagnostics/dimensions.js';
import { GAME_TYPES, type DefinitionItem, type TestDefinition } from '@common/diagnostics/definition.js';
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

  it('holds at least 63 definitions, 60 of them instruments of their own, a game of every type, every grade band served', () => {
    expect(definitions.length).toBeGreaterThanOrEqual(63);
    // An adapted variant stands in for its base for pupils with ОВЗ: not an instrument of its own.
    expect(definitions.filter((d) => !d.ovz).length).toBeGreaterThanOrEqual(60);
    const tests = definitions.filter((d) => d.kind === 'test');
    expect(new Set(definitions.filter((d) => d.kind === 'game').map((d) => d.game!.type))).toEqual(new Set(GAME_TYPES));
    for (const band of GRADE_BANDS) expect(tests.filter((d) => d.gradeBands.includes(band)).length).toBeGreaterThanOrEqual(15);
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

/** The longest sentence a pupil of the band reads comfortably, in words: the youngest band a definition serves sets its limit. */
const WORDS_PER_SENTENCE: Record<(typeof GRADE_BANDS)[number], number> = { '6-7': 16, '8-9': 20, '10-11': 25 };

function longestSentence(text: string): number {
  return Math.max(...text.split(/[.!?…]+/).map((sentence) => sentence.split(/\s+/).filter((word) => /\p{L}/u.test(word)).length));
}

/** What a pupil sees of an item: a shared stem ("Что тебе ближе?") with different options is a different item. */
function seenText(item: DefinitionItem): string {
  const options = 'options' in item ? item.options.map((o) => o.text).join(' | ') : '';
  return `${item.text} ${options}`.trim().toLowerCase().replace(/ё/g, 'е').replace(/\s+/g, ' ');
}

describe('the quality of every definition', () => {
  it('repeats no item text anywhere in the catalogue, except an adapted variant against its base', () => {
    const seen = new Map<string, TestDefinition>();
    const repeats: string[] = [];
    for (const d of definitions) {
      for (const item of d.items) {
        const text = seenText(item);
        const first = seen.get(text);
        const variantPair = first && (d.ovz?.variantOf === first.slug || first.ovz?.variantOf === d.slug);
        if (first && !variantPair) repeats.push(`${d.slug}/${item.id} repeats ${first.slug}`);
        if (!first) seen.set(text, d);
      }
    }
    expect(repeats).toEqual([]);
  });

  it('keys a reverse item into every Likert scale of four or more items, or says why the construct has none', () => {
    const missing = definitions.flatMap((d) =>
      d.scales
        .filter((scale) => {
          const likert = scale.keys.filter((k) => d.items.find((i) => i.id === k.item)?.type === 'likert');
          return likert.length >= 4 && !likert.some((k) => k.reverse) && !scale.noReverseReason;
        })
        .map((scale) => `${d.slug}/${scale.id}`),
    );
    expect(missing).toEqual([]);
  });

  it('keeps every sentence within the reading limit of the youngest band served', () => {
    const tooLong = definitions.flatMap((d) => {
      const limit = Math.min(...d.gradeBands.map((band) => WORDS_PER_SENTENCE[band]));
      return d.items
        .flatMap((item) => [item.text, ...('options' in item ? item.options.map((o) => o.text) : [])].map((text) => ({ item, text })))
        .filter(({ text }) => longestSentence(text) > limit)
        .map(({ item, text }) => `${d.slug}/${item.id} (${d.gradeBands.join(', ')}): ${longestSentence(text)} words > ${limit}`);
    });
    expect(tooLong).toEqual([]);
  });

  it('places every test and game on a stage of the pupil’s way', () => {
    expect(definitions.filter((d) => !d.stage).map((d) => d.slug)).toEqual([]);
  });

  it('maps every scale to the footprint', () => {
    const unmapped = definitions.flatMap((d) => d.scales.filter((s) => s.maps.length === 0).map((s) => `${d.slug}/${s.id}`));
    expect(unmapped).toEqual([]);
  });
});
