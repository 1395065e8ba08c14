import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Recommendations } from '@common/guidance.js';
import { regionByCode } from '@server/test/staff-factories.js';
import { startTestApp, type TestApp } from '@server/test/test-app.js';
import { recommendationsFor } from '../index.js';
import { buildLabelledSet, type LabelledSet } from './labelled-set.js';

const PUPILS = 220;

let t: TestApp;
let set: LabelledSet;
const results = new Map<string, Recommendations>();

beforeAll(async () => {
  t = await startTestApp();
  set = await buildLabelledSet(t, await regionByCode(t, '43'), PUPILS);
  for (const p of set.pupils) results.set(p.id, (await recommendationsFor(t.app.ctx, p.id, 'pupil'))!);
}, 600_000);

afterAll(async () => {
  await t?.close();
});

const sphereNameOfEvent = (r: Recommendations['events'][number]) => r.event.competency.sphereName;

describe('the recommendation engine on a labelled set of synthetic pupils', () => {
  it('puts an event of the dominant sphere in the top 3 for at least 90% of the pupils who have one', () => {
    const tested = set.pupils.filter((p) => p.dominant);
    let hits = 0;
    let top1 = 0;
    const byKind = new Map<string, { n: number; hits: number }>();
    for (const p of tested) {
      const events = results.get(p.id)!.events;
      const hit = events.slice(0, 3).some((e) => sphereNameOfEvent(e) === p.dominant!.name);
      if (hit) hits += 1;
      if (events[0] && sphereNameOfEvent(events[0]) === p.dominant!.name) top1 += 1;
      const k = byKind.get(p.kind) ?? { n: 0, hits: 0 };
      k.n += 1;
      k.hits += hit ? 1 : 0;
      byKind.set(p.kind, k);
    }
    const share = hits / tested.length;
    console.log(
      `labelled set: ${set.pupils.length} pupils, ${tested.length} with sources, ${set.pupils.filter((p) => p.hasOvz).length} with ОВЗ; ` +
        `dominant sphere in top 3: ${hits}/${tested.length} = ${(share * 100).toFixed(1)}%; first: ${((top1 / tested.length) * 100).toFixed(1)}%; ` +
        [...byKind].map(([k, v]) => `${k} ${v.hits}/${v.n}`).join(', '),
    );
    expect(share).toBeGreaterThanOrEqual(0.9);
  });

  it('never offers a pupil with ОВЗ an event not suitable for it or an opportunity not accessible', () => {
    let events = 0;
    let opportunities = 0;
    for (const p of set.pupils.filter((x) => x.hasOvz)) {
      const r = results.get(p.id)!;
      events += r.events.length;
      opportunities += r.opportunities.length;
      expect(r.events.filter((e) => !e.event.ovzSuitable)).toEqual([]);
      expect(r.opportunities.filter((o) => !o.opportunity.ovzAccessible)).toEqual([]);
    }
    console.log(`ОВЗ pupils: ${events} events and ${opportunities} opportunities recommended, all suitable`);
    expect(events).toBeGreaterThan(0);
  });

  it('never offers an event one may not enrol in, nor an ended opportunity', () => {
    for (const p of set.pupils) {
      const r = results.get(p.id)!;
      for (const e of r.events) {
        expect(set.forbiddenEventIds.has(e.event.id)).toBe(false);
        expect(p.grade).toBeGreaterThanOrEqual(e.event.gradeFrom);
        expect(p.grade).toBeLessThanOrEqual(e.event.gradeTo);
        expect(e.event.seatsLeft).toBeGreaterThan(0);
        expect(Date.parse(e.event.startsAt)).toBeGreaterThan(Date.now());
      }
      for (const o of r.opportunities) expect(set.forbiddenOpportunityIds.has(o.opportunity.id)).toBe(false);
    }
  });

  it('explains every item with a sentence naming its evidence', () => {
    let items = 0;
    for (const p of set.pupils) {
      const r = results.get(p.id)!;
      expect(r.profile.summary).not.toBe('');
      for (const x of [...r.events, ...r.opportunities, ...r.professions]) {
        items += 1;
        expect(x.reason).toMatch(/(тест|проб)/);
        if (p.kind === 'with_trial' && x.reason.includes(p.dominant!.name) && x.reason.startsWith('Интерес к сфере')) expect(x.reason).toMatch(/оценка наставника 5/);
      }
      for (const x of r.tests) {
        items += 1;
        expect(x.reason).toMatch(/^Уточнит /);
      }
    }
    console.log(`items explained: ${items}`);
  });

  it('gives pupils without a test the tests first and nothing they could not yet enrol in', () => {
    const none = set.pupils.filter((p) => p.kind === 'no_test');
    expect(none.length).toBeGreaterThan(0);
    for (const p of none) {
      const r = results.get(p.id)!;
      expect(r.profile.testsCompleted).toBe(0);
      expect(r.profile.confidence).toBe('none');
      expect(r.tests.length).toBeGreaterThan(0);
      expect(r.events).toEqual([]);
      // The first test offered measures interests (spheres or competencies), the dimensions the advice rests on.
      expect(r.tests[0]!.reason).toMatch(/интерес/);
    }
  });
});
