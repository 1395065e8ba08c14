import crypto from 'node:crypto';
import { asc, eq, sql } from 'drizzle-orm';
import {
  accounts,
  competencies,
  consents,
  diagnosticAttempts,
  diagnosticTests,
  enrolments,
  events,
  familyLinks,
  footprintContributions,
  opportunities,
  opportunityCompetencies,
  opportunitySpheres,
  participantProfiles,
  professionCompetencies,
  professions,
  spheres,
  venuePlaces,
} from '@server/db/schema/index.js';
import { CONSENT_TEXTS } from '@common/consents.js';
import { createStaff, createVenue, type Place } from '@server/test/staff-factories.js';
import type { TestApp } from '@server/test/test-app.js';

/**
 * A labelled set for the recommendation engine, written straight into the database: pupils whose
 * dominant sphere is known because the generator chose it, with footprints from several sources
 * (tests, a mentor-graded trial), pupils with ОВЗ, and the edge cases — no test, one test,
 * sources that contradict each other — beside events, opportunities and professions of every
 * sphere, and events no pupil may be offered (full, started, cancelled, for older grades).
 */
export type PupilCase = 'no_test' | 'one_test' | 'contradicting' | 'several_sources' | 'with_trial';

export interface LabelledPupil {
  id: string;
  grade: number;
  hasOvz: boolean;
  kind: PupilCase;
  /** The sphere the generator made dominant; null for a pupil without any source. */
  dominant: { code: string; name: string } | null;
}

export interface LabelledSet {
  pupils: LabelledPupil[];
  spheres: Array<{ id: number; code: string; name: string }>;
  /** Events that must never be recommended to anyone. */
  forbiddenEventIds: Set<string>;
  /** Opportunities that must never be recommended to anyone (ended). */
  forbiddenOpportunityIds: Set<string>;
  parentId: string;
}

const SPHERE_COUNT = 6;
const DAY = 24 * 3600_000;

/** A deterministic pseudo-random sequence, so a failing case can be found again. */
function sequence(seed: number) {
  let s = seed;
  return () => {
    s = (s * 1_103_515_245 + 12_345) % 2_147_483_648;
    return s / 2_147_483_648;
  };
}

export async function buildLabelledSet(t: TestApp, place: Place, count: number): Promise<LabelledSet> {
  const db = t.database.db;
  const random = sequence(42);
  const sphereRows = (await db.select({ id: spheres.id, code: spheres.code, name: spheres.name }).from(spheres).orderBy(asc(spheres.id))).slice(0, SPHERE_COUNT);
  const competencyOf = new Map<number, { id: number; code: string }>();
  for (const s of sphereRows) {
    const [c] = await db.select({ id: competencies.id, code: competencies.code }).from(competencies).where(eq(competencies.sphereId, s.id)).orderBy(asc(competencies.id)).limit(1);
    competencyOf.set(s.id, c!);
  }
  const venue = await createVenue(t, place);
  const coordinator = await createStaff(t, 'regional_coordinator', { regionId: place.regionId });
  const [workshop] = await db
    .insert(venuePlaces)
    .values({ venueId: venue.id, name: 'Мастерская', cityId: place.cityId, address: 'ул. Заводская, 3', rooms: [{ name: 'Цех', capacity: 30 }] })
    .returning();

  const base = {
    venueId: venue.id,
    description: 'Проба для размеченного набора рекомендаций',
    capacity: 30,
    gradeFrom: 6,
    gradeTo: 11,
    difficulty: 'basic',
    status: 'published',
    createdBy: coordinator.accountId,
  };
  const at = (days: number, hours = 0) => new Date(Date.now() + days * DAY + hours * 3600_000);
  const eventRows: Array<typeof events.$inferInsert> = [];
  const forbidden: Array<typeof events.$inferInsert> = [];
  sphereRows.forEach((s, i) => {
    const competencyId = competencyOf.get(s.id)!.id;
    // Each sphere: an in-person trial not suited to ОВЗ and an online one that is, at hours of their own.
    eventRows.push({ ...base, competencyId, format: 'in_person', placeId: workshop!.id, title: `Проба «${s.name}» в мастерской`, startsAt: at(3 + i), endsAt: at(3 + i, 2) });
    eventRows.push({ ...base, competencyId, format: 'online', videoUrl: 'https://video.example.ru/room/1', ovzSuitable: true, title: `Проба «${s.name}» онлайн`, startsAt: at(3 + i, 4), endsAt: at(3 + i, 6) });
    forbidden.push({ ...base, competencyId, format: 'in_person', placeId: workshop!.id, title: 'Мест нет', capacity: 5, seatsTaken: 5, ovzSuitable: true, startsAt: at(20 + i), endsAt: at(20 + i, 2) });
    forbidden.push({ ...base, competencyId, format: 'in_person', placeId: workshop!.id, title: 'Отменена', status: 'cancelled', ovzSuitable: true, startsAt: at(21 + i), endsAt: at(21 + i, 2) });
    forbidden.push({ ...base, competencyId, format: 'in_person', placeId: workshop!.id, title: 'Уже началась', ovzSuitable: true, startsAt: at(0, -1), endsAt: at(0, 2) });
    // Open to grade 11 only: every other pupil must not be offered it (the test checks each event's grades).
    eventRows.push({ ...base, competencyId, format: 'online', videoUrl: 'https://video.example.ru/room/2', title: `Проба «${s.name}» для 11 класса`, gradeFrom: 11, gradeTo: 11, ovzSuitable: true, startsAt: at(22 + i), endsAt: at(22 + i, 2) });
  });
  // Past trials, where some pupils were and got the mentor's grade: the `event:<id>` sources.
  const past = sphereRows.map((s) => ({ ...base, competencyId: competencyOf.get(s.id)!.id, format: 'in_person', placeId: workshop!.id, title: `Прошедшая проба «${s.name}»`, startsAt: at(-10), endsAt: at(-10, 2) }));
  await db.insert(events).values(eventRows);
  const forbiddenIds = await db.insert(events).values(forbidden).returning({ id: events.id });
  const pastIds = await db.insert(events).values(past).returning({ id: events.id });

  const opportunityIds: string[] = [];
  const endedIds: string[] = [];
  for (const s of sphereRows) {
    for (const [suffix, ovz, ended] of [['доступная', true, false], ['без доступной среды', false, false], ['завершённая', true, true]] as const) {
      const [o] = await db
        .insert(opportunities)
        .values({
          regionId: place.regionId,
          kind: 'club',
          title: `Кружок «${s.name}», ${suffix}`,
          provider: 'Дом творчества',
          description: 'Занятия раз в неделю',
          gradeFrom: 6,
          gradeTo: 11,
          cityId: place.cityId,
          ovzAccessible: ovz,
          endsOn: ended ? new Date(Date.now() - 2 * DAY).toISOString().slice(0, 10) : null,
          createdBy: coordinator.accountId,
        })
        .returning({ id: opportunities.id });
      await db.insert(opportunitySpheres).values({ opportunityId: o!.id, sphereId: s.id, regionId: place.regionId });
      await db.insert(opportunityCompetencies).values({ opportunityId: o!.id, competencyId: competencyOf.get(s.id)!.id });
      (ended ? endedIds : opportunityIds).push(o!.id);
    }
    const [p] = await db
      .insert(professions)
      .values({ code: `lab-${s.code}-${crypto.randomInt(1e9)}`, name: `Специалист: ${s.name}`, description: 'Профессия для проверки', education: ['spo'], programmes: [] })
      .returning({ id: professions.id });
    await db.insert(professionCompetencies).values({ professionId: p!.id, competencyId: competencyOf.get(s.id)!.id });
  }

  const [parent] = await db
    .insert(accounts)
    .values({ role: 'parent', email: `lab-parent-${crypto.randomUUID()}@example.ru`, status: 'active', lastName: 'Родитель', firstName: 'Набора' })
    .returning({ id: accounts.id });
  const [test] = await db.select({ id: diagnosticTests.id, versionId: diagnosticTests.publishedVersionId }).from(diagnosticTests).where(sql`${diagnosticTests.publishedVersionId} is not null`).limit(1);

  const kinds: PupilCase[] = ['no_test', 'one_test', 'contradicting', 'several_sources', 'several_sources', 'with_trial', 'several_sources', 'one_test', 'with_trial', 'several_sources'];
  const pupils: LabelledPupil[] = [];
  for (let i = 0; i < count; i++) {
    const kind = kinds[i % kinds.length]!;
    const grade = 6 + (i % 6);
    const hasOvz = i % 4 === 0;
    const dominantIndex = Math.floor(random() * sphereRows.length);
    const dominant = sphereRows[dominantIndex]!;
    const [account] = await db
      .insert(accounts)
      .values({ role: 'participant', email: `lab-${i}-${crypto.randomUUID()}@example.ru`, emailVerifiedAt: new Date(), status: 'active', lastName: 'Ученик', firstName: `№${i}` })
      .returning({ id: accounts.id });
    const id = account!.id;
    await db.insert(participantProfiles).values({ accountId: id, grade, regionId: place.regionId, cityId: place.cityId, snilsEnc: 'synthetic', identityBidx: crypto.randomUUID(), hasOvz });
    await db.insert(familyLinks).values({ parentId: parent!.id, childId: id });
    await db.insert(consents).values({ childId: id, parentId: parent!.id, kind: 'pd_processing', textVersion: CONSENT_TEXTS.pd_processing.version });

    const rows: Array<typeof footprintContributions.$inferInsert> = [];
    const sourceCount = { no_test: 0, one_test: 1, contradicting: 2, several_sources: 2 + Math.floor(random() * 2), with_trial: 2 }[kind];
    for (let s = 0; s < sourceCount; s++) {
      const [attempt] = await db
        .insert(diagnosticAttempts)
        .values({ participantId: id, testId: test!.id, versionId: test!.versionId!, status: 'completed', gradeBand: '6-7', seed: 1, completedAt: new Date() })
        .returning({ id: diagnosticAttempts.id });
      for (const other of sphereRows) {
        let value: number;
        if (kind === 'contradicting') {
          // One test loves the dominant sphere, the other cools on it; a rival sphere swings the other way and loses on the mean.
          const rival = sphereRows[(dominantIndex + 1) % sphereRows.length]!;
          value = other === dominant ? (s === 0 ? 95 : 55) : other === rival ? (s === 0 ? 20 : 80) : 15 + random() * 20;
        } else {
          value = other === dominant ? 75 + random() * 20 : 10 + random() * 45;
        }
        rows.push({ participantId: id, sourceKey: `test:lab-${s}`, attemptId: attempt!.id, dimension: `sphere:${other.code}`, value, weight: 1 });
      }
      rows.push({ participantId: id, sourceKey: `test:lab-${s}`, attemptId: attempt!.id, dimension: 'soft_skill:communication', value: 50 + random() * 40, weight: 1 });
    }
    if (kind === 'with_trial') {
      const trial = pastIds[dominantIndex]!.id;
      await db.insert(enrolments).values({ eventId: trial, participantId: id, status: 'confirmed', source: 'catalogue', createdBy: id, attendance: 'present', grade: 5 });
      const code = competencyOf.get(dominant.id)!.code;
      rows.push({ participantId: id, sourceKey: `event:${trial}`, dimension: `sphere:${dominant.code}`, value: 100, weight: 1 });
      rows.push({ participantId: id, sourceKey: `event:${trial}`, dimension: `competency:${code}`, value: 100, weight: 1 });
    }
    if (rows.length > 0) await db.insert(footprintContributions).values(rows);
    pupils.push({ id, grade, hasOvz, kind, dominant: kind === 'no_test' ? null : { code: dominant.code, name: dominant.name } });
  }
  return {
    pupils,
    spheres: sphereRows,
    forbiddenEventIds: new Set(forbiddenIds.map((e) => e.id)),
    forbiddenOpportunityIds: new Set(endedIds),
    parentId: parent!.id,
  };
}
