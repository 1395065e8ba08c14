import { describe, expect, it } from 'vitest';
import {
  EVENT_WEIGHTS,
  OPPORTUNITY_WEIGHTS,
  affinityOf,
  certaintyOf,
  confidenceOf,
  difficultyFit,
  eventFit,
  leastCertain,
  nextTestValue,
  opportunityFit,
  professionFit,
} from './fit-model.js';
import { countOfTests, evidenceOf } from './evidence.js';

const event = { competencyCode: 'web', sphereCode: 'it', online: false, cityId: 1, difficulty: 'basic' as const };
const pupil = { grade: 7, cityId: 1 };

describe('the fit model', () => {
  it('keeps each set of weights summing to one', () => {
    expect(Object.values(EVENT_WEIGHTS).reduce((a, b) => a + b, 0)).toBeCloseTo(1);
    expect(Object.values(OPPORTUNITY_WEIGHTS).reduce((a, b) => a + b, 0)).toBeCloseTo(1);
  });

  it('trusts a dimension more with every source, never fully', () => {
    expect(certaintyOf(0)).toBe(0);
    expect(certaintyOf(1)).toBe(0.5);
    expect(certaintyOf(3)).toBe(0.75);
    expect(certaintyOf(10)).toBeLessThan(1);
    expect([0, 1, 2, 3, 4].map(confidenceOf)).toEqual(['none', 'low', 'medium', 'medium', 'high']);
  });

  it('lets several agreeing sources outweigh one test that says more', () => {
    expect(affinityOf({ value: 70, sources: 3 })).toBeGreaterThan(affinityOf({ value: 90, sources: 1 }));
    expect(affinityOf(undefined)).toBe(0);
  });

  it('ranks an event of the strongest sphere above one of a weak sphere', () => {
    const footprint = { 'sphere:it': { value: 85, sources: 3 }, 'sphere:art': { value: 30, sources: 3 } };
    expect(eventFit(footprint, event, pupil)).toBeGreaterThan(eventFit(footprint, { ...event, competencyCode: 'paint', sphereCode: 'art' }, pupil));
  });

  it('puts the pupil’s city first, then online, then elsewhere, for equal interest', () => {
    const footprint = { 'sphere:it': { value: 80, sources: 2 } };
    const inCity = eventFit(footprint, event, pupil);
    const online = eventFit(footprint, { ...event, online: true, cityId: null }, pupil);
    const elsewhere = eventFit(footprint, { ...event, cityId: 2 }, pupil);
    expect(inCity).toBeGreaterThan(online);
    expect(online).toBeGreaterThan(elsewhere);
  });

  it('matches difficulty to the grade band', () => {
    expect(difficultyFit('basic', 6)).toBe(1);
    expect(difficultyFit('intermediate', 6)).toBe(0.5);
    expect(difficultyFit('advanced', 7)).toBe(0);
    expect(difficultyFit('advanced', 11)).toBe(1);
    expect(difficultyFit('intermediate', 9)).toBe(1);
  });

  it('scores an opportunity by its best sphere and whether the pupil can reach it', () => {
    const footprint = { 'sphere:it': { value: 80, sources: 2 } };
    const near = opportunityFit(footprint, { sphereCodes: ['art', 'it'], competencyCodes: [], online: false, cityId: 1 }, pupil);
    const far = opportunityFit(footprint, { sphereCodes: ['it'], competencyCodes: [], online: false, cityId: 9 }, pupil);
    expect(near - far).toBeCloseTo(OPPORTUNITY_WEIGHTS.place);
    expect(opportunityFit({}, { sphereCodes: ['it'], competencyCodes: [], online: true, cityId: null }, pupil)).toBe(OPPORTUNITY_WEIGHTS.place);
  });

  it('scores a profession by its best-fitting competency', () => {
    const footprint = { 'competency:web': { value: 90, sources: 3 } };
    expect(professionFit(footprint, [{ code: 'web', sphereCode: 'it' }, { code: 'paint', sphereCode: 'art' }])).toBeGreaterThan(0);
    expect(professionFit(footprint, [{ code: 'paint', sphereCode: 'art' }])).toBe(0);
  });

  it('values a test of unmeasured interests above one of interests several sources agree on', () => {
    const footprint = { 'sphere:it': { value: 80, sources: 4 }, 'sphere:art': { value: 40, sources: 4 } };
    const fresh = nextTestValue(footprint, ['sphere:med', 'sphere:law']);
    const known = nextTestValue(footprint, ['sphere:it', 'sphere:art']);
    const environment = nextTestValue(footprint, ['environment:plans']);
    expect(fresh).toBe(1);
    expect(known).toBeLessThan(fresh);
    expect(environment).toBeLessThan(fresh);
    expect(nextTestValue(footprint, [])).toBe(0);
  });

  it('names the least certain dimensions of a test, interests first among equals', () => {
    const footprint = { 'sphere:it': { value: 80, sources: 2 } };
    expect(leastCertain(footprint, ['sphere:it', 'environment:plans', 'sphere:art'], 2)).toEqual(['sphere:art', 'environment:plans']);
  });
});

describe('the evidence sentence', () => {
  const trials = new Map([
    ['e1', { title: 'Первая деталь', grade: 5 }],
    ['e2', { title: 'Сайт за час', grade: null }],
  ]);

  it('counts tests in words and names each trial with the mentor’s grade', () => {
    expect(evidenceOf(['test:a', 'test:b', 'test:c', 'event:e1'], trials)).toBe('три теста и оценка наставника 5 на пробе «Первая деталь»');
    expect(evidenceOf(['event:e2'], trials)).toBe('участие в пробе «Сайт за час»');
    expect(evidenceOf(['test:a'], trials)).toBe('один тест');
    expect(evidenceOf([], trials)).toBe('');
    expect(countOfTests(12)).toBe('12 тестов');
  });
});
