import { count, eq, inArray } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { AppContext } from '../context.js';
import type { Db, Tx } from '../db/client.js';
import { inTransaction } from '../db/transaction.js';
import {
  accounts,
  awarenessLevels,
  cities,
  competencies,
  consents,
  enrolments,
  eventMentors,
  events,
  familyLinks,
  kpiTargets,
  navigatorAssignments,
  parentProfiles,
  participantProfiles,
  professionCompetencies,
  professions,
  regionSeasons,
  regions,
  schools,
  seasons,
  softSkills,
  spheres,
  staffCompetencies,
  staffProfiles,
  venueCompetencies,
  venuePlaces,
  venues,
} from '../db/schema/index.js';
import { hashPassword } from '../lib/passwords.js';
import { ESIA_TEST_CITIZENS, childIdentityKey, type EsiaTestCitizen } from '../modules/identity/index.js';
import { CONSENT_TEXTS } from '@common/consents.js';
import type { Role } from '@common/roles.js';
import { SECOND_FACTOR_REQUIRED } from '@common/permissions.js';
import { completeInn, completeOgrn, todayInMoscow } from '@common/validators.js';
import { SPHERES } from './competencies.data.js';
import { PROFESSIONS } from './professions.data.js';
import { AWARENESS_LEVELS, SOFT_SKILLS } from './soft-skills.data.js';
import { recordFootprint, syncCatalogue } from '../modules/diagnostics/index.js';
import { seedDemoContacts, syncHelpContent } from '../modules/help/index.js';
import { issueLink } from '../modules/events/index.js';
import { draftPlanIfDue } from '../modules/study-plans/index.js';
import { refreshFigures } from '../modules/kpi/index.js';
import { storeOpportunity } from '../modules/opportunities/index.js';
import { recordInstructionAccepted } from '../modules/organisations/index.js';
import { storeAnswerTemplate, storePastRequest } from '../modules/support/index.js';
import { opportunityInputSchema } from '@common/schemas/opportunities.js';
import { FEDERAL_OPPORTUNITIES, REGIONAL_OPPORTUNITIES, type OpportunitySeed } from './opportunities.data.js';
import { REGIONS } from './regions.data.js';
import { federalDistrictOf } from './federal-districts.data.js';
import { DEMO_SCHOOLS } from './schools.data.js';
import { DEMO_ANSWER_TEMPLATES, demoSupportRequests, type DemoSupportPeople } from './support.data.js';

/**
 * Reference data every installation needs: the subjects of the Federation and their cities, the
 * professional spheres and their competencies, the soft skills and awareness levels. Each list is filled only while its table is empty,
 * so an installation made before a list existed gets it at its next start and later edits are kept.
 * The diagnostics catalogue is synchronised from the repository every time (see syncCatalogue).
 */
async function isEmpty(db: Db, table: PgTable): Promise<boolean> {
  const [row] = await db.select({ n: count() }).from(table);
  return (row?.n ?? 0) === 0;
}

export async function seedReferenceData(db: Db): Promise<void> {
  if (await isEmpty(db, regions)) {
    await inTransaction(db, async (tx) => {
      for (const region of REGIONS) {
        const [row] = await tx
          .insert(regions)
          .values({ code: region.code, name: region.name, federalDistrict: federalDistrictOf(region.code) })
          .returning({ id: regions.id });
        await tx.insert(cities).values(region.cities.map((name) => ({ regionId: row!.id, name })));
      }
    });
  }
  if (await isEmpty(db, spheres)) {
    // Several processes starting at once may all find the table empty; the codes' unique indexes let one win quietly.
    await inTransaction(db, async (tx) => {
      for (const sphere of SPHERES) {
        await tx.insert(spheres).values({ code: sphere.code, name: sphere.name }).onConflictDoNothing();
        const [row] = await tx.select({ id: spheres.id }).from(spheres).where(eq(spheres.code, sphere.code));
        await tx.insert(competencies).values(sphere.competencies.map((c) => ({ ...c, sphereId: row!.id }))).onConflictDoNothing();
      }
    });
  }
  if (await isEmpty(db, professions)) await seedProfessions(db);
  if (await isEmpty(db, softSkills)) await db.insert(softSkills).values([...SOFT_SKILLS]).onConflictDoNothing();
  if (await isEmpty(db, awarenessLevels)) await db.insert(awarenessLevels).values([...AWARENESS_LEVELS]).onConflictDoNothing();
  await syncCatalogue(db);
  await syncHelpContent(db);
}

/** The professions reference list with its competencies; a profession another process wrote first is left as it is. */
async function seedProfessions(db: Db): Promise<void> {
  await inTransaction(db, async (tx) => {
    const competencyIds = new Map((await tx.select({ id: competencies.id, code: competencies.code }).from(competencies)).map((c) => [c.code, c.id]));
    for (const { competencies: codes, ...profession } of PROFESSIONS) {
      const [row] = await tx
        .insert(professions)
        .values({ ...profession, education: [...profession.education], programmes: [...profession.programmes] })
        .onConflictDoNothing()
        .returning({ id: professions.id });
      if (!row) continue;
      const ids = codes.flatMap((code) => (competencyIds.has(code) ? [competencyIds.get(code)!] : []));
      if (ids.length > 0) await tx.insert(professionCompetencies).values(ids.map((competencyId) => ({ professionId: row.id, competencyId })));
    }
  });
}

export const DEMO_PASSWORD = 'bilet-demo-2026';

export interface DemoAccount {
  role: Role;
  email: string;
  password: string | null;
  note: string;
}

type StaffSeed = { role: Role; email: string; lastName: string; firstName: string; middleName: string; position: string };

const STAFF: StaffSeed[] = [
  { role: 'issuer_admin', email: 'admin@bilet.demo', lastName: 'Орлова', firstName: 'Наталья', middleName: 'Павловна', position: 'Руководитель программы' },
  { role: 'regional_coordinator', email: 'coordinator@bilet.demo', lastName: 'Лебедев', firstName: 'Игорь', middleName: 'Николаевич', position: 'Региональный оператор' },
  { role: 'school', email: 'school@bilet.demo', lastName: 'Васильева', firstName: 'Ольга', middleName: 'Ивановна', position: 'Заместитель директора по воспитательной работе' },
  { role: 'venue', email: 'venue@bilet.demo', lastName: 'Морозов', firstName: 'Сергей', middleName: 'Александрович', position: 'Руководитель центра профориентации' },
  { role: 'mentor', email: 'mentor@bilet.demo', lastName: 'Зайцева', firstName: 'Анна', middleName: 'Олеговна', position: 'Мастер производственного обучения' },
  { role: 'navigator', email: 'navigator@bilet.demo', lastName: 'Никитин', firstName: 'Павел', middleName: 'Сергеевич', position: 'Классный руководитель 8 «А»' },
  { role: 'methodologist', email: 'methodologist@bilet.demo', lastName: 'Соколова', firstName: 'Татьяна', middleName: 'Витальевна', position: 'Методист-психолог' },
  { role: 'support_operator', email: 'support@bilet.demo', lastName: 'Белова', firstName: 'Ксения', middleName: 'Игоревна', position: 'Оператор службы поддержки' },
];

const NEIGHBOUR_NAVIGATOR: StaffSeed = {
  role: 'navigator',
  email: 'navigator2@bilet.demo',
  lastName: 'Кузнецова',
  firstName: 'Елена',
  middleName: 'Викторовна',
  position: 'Классный руководитель 7 «Б»',
};

const DEMO_VENUE_COMPETENCIES = ['cnc-turning', 'additive-manufacturing', 'confectionery'];

/** A moment `days` ahead at the given hour of Moscow time (UTC+3), so the demo's events fall in school hours. */
function daysAhead(days: number, moscowHour: number): Date {
  const d = new Date(Date.now() + days * 24 * 3600_000);
  d.setUTCHours(moscowHour - 3, 0, 0, 0);
  return d;
}

/**
 * The demo venue's events, one at each point of the workflow the demo people act on: a published
 * trial to enrol in, a draft and a submitted event awaiting the coordinator, and a published
 * lesson at the demo pupil's school with its registration link.
 */
async function seedDemoEvents(
  ctx: AppContext,
  tx: Tx,
  demo: {
    venueId: string;
    placeId: string;
    schoolId: string | null;
    venueAccountId: string;
    coordinatorId: string;
    mentorId: string;
    competencyIds: Map<string, number>;
  },
): Promise<void> {
  const reviewed = { submittedAt: new Date(), reviewedBy: demo.coordinatorId, reviewedAt: new Date() };
  const base = { venueId: demo.venueId, createdBy: demo.venueAccountId };
  const planned: Array<{ code: string; minutes: number; values: Omit<typeof events.$inferInsert, 'venueId' | 'competencyId' | 'endsAt' | 'createdBy'> }> = [
    {
      code: 'cnc-turning',
      minutes: 90,
      values: {
        format: 'in_person',
        title: 'Токарное дело: выточи свою первую деталь',
        description: 'Мастер покажет токарный станок и правила безопасной работы, а затем каждый участник выточит и измерит простую деталь. Спецодежду и очки выдаём на месте.',
        placeId: demo.placeId,
        startsAt: daysAhead(4, 11),
        capacity: 12,
        gradeFrom: 6,
        gradeTo: 11,
        difficulty: 'basic',
        ovzSuitable: true,
        ovzNotes: 'Мастерская без порогов, есть доступный туалет; с ребёнком может прийти сопровождающий',
        status: 'published',
        ...reviewed,
        publishedAt: new Date(),
      },
    },
    {
      code: 'additive-manufacturing',
      minutes: 120,
      values: {
        format: 'in_person',
        title: '3D-печать: от модели до готового брелока',
        description: 'Участники построят модель брелока в редакторе, подготовят её к печати и запустят принтер. Готовый брелок заберут с собой.',
        placeId: demo.placeId,
        startsAt: daysAhead(14, 14),
        capacity: 10,
        gradeFrom: 7,
        gradeTo: 11,
        difficulty: 'intermediate',
        status: 'draft',
      },
    },
    {
      code: 'confectionery',
      minutes: 120,
      values: {
        format: 'in_person',
        title: 'Кондитерское дело: эклеры с заварным кремом',
        description: 'Под руководством кондитера участники заварят тесто, испекут эклеры и наполнят их кремом. Фартуки и шапочки выдаём.',
        placeId: demo.placeId,
        startsAt: daysAhead(10, 15),
        capacity: 8,
        gradeFrom: 8,
        gradeTo: 11,
        difficulty: 'intermediate',
        status: 'submitted',
        submittedAt: new Date(),
      },
    },
    ...(demo.schoolId
      ? [
          {
            code: 'additive-manufacturing',
            minutes: 45,
            values: {
              format: 'school_lesson',
              title: 'Урок мастерства: 3D-моделирование',
              description: 'Наставник на связи из лаборатории 3D-печати: класс вместе построит модель и увидит, как её печатают. Ответственный от школы встречает учеников в кабинете информатики.',
              schoolId: demo.schoolId,
              videoUrl: 'https://video.bilet.demo/lesson/3d',
              startsAt: daysAhead(6, 10),
              capacity: 15,
              gradeFrom: 6,
              gradeTo: 9,
              difficulty: 'basic',
              status: 'published',
              ...reviewed,
              publishedAt: new Date(),
            },
          },
        ]
      : []),
  ];
  for (const { code, minutes, values } of planned) {
    const competencyId = demo.competencyIds.get(code);
    if (competencyId === undefined) continue;
    const endsAt = new Date(values.startsAt.getTime() + minutes * 60_000);
    const [event] = await tx.insert(events).values({ ...base, ...values, competencyId, endsAt }).returning({ id: events.id });
    await tx.insert(eventMentors).values({ eventId: event!.id, mentorId: demo.mentorId });
    if (values.format === 'school_lesson') await issueLink(ctx, tx, event!.id, demo.coordinatorId);
  }
}

const isoDaysAhead = (days: number) => new Date(Date.now() + days * 24 * 3600_000).toISOString().slice(0, 10);

/**
 * The demo's regional opportunities (the coordinator's) and federal ones (the issuer's), each
 * passed through the form's schema so the demo holds nothing the form would refuse.
 */
async function seedDemoOpportunities(tx: Tx, people: { kirovId: number; coordinatorId: string; issuerId: string }): Promise<void> {
  const sphereIds = new Map((await tx.select({ id: spheres.id, code: spheres.code }).from(spheres)).map((r) => [r.code, r.id]));
  const competencyIds = new Map((await tx.select({ id: competencies.id, code: competencies.code }).from(competencies)).map((r) => [r.code, r.id]));
  const cityRows = await tx.select({ id: cities.id, name: cities.name, regionCode: regions.code }).from(cities).innerJoin(regions, eq(regions.id, cities.regionId));
  const cityId = (name: string, regionCode: string) => cityRows.find((c) => c.name === name && c.regionCode === regionCode)?.id ?? null;
  const ids = (codes: readonly string[] | undefined, known: Map<string, number>) => (codes ?? []).flatMap((code) => (known.has(code) ? [known.get(code)!] : []));
  const inputOf = (o: OpportunitySeed, regionCode: string | undefined) =>
    opportunityInputSchema.parse({
      kind: o.kind,
      title: o.title,
      provider: o.provider,
      description: o.description,
      programmes: [...(o.programmes ?? [])],
      sphereIds: ids(o.spheres, sphereIds),
      competencyIds: ids(o.competencies, competencyIds),
      gradeFrom: o.grades[0],
      gradeTo: o.grades[1],
      online: o.online ?? false,
      cityId: o.city && regionCode ? cityId(o.city, regionCode) : null,
      address: o.address ?? null,
      ovzAccessible: o.ovzNotes !== undefined,
      ovzNotes: o.ovzNotes ?? null,
      free: o.priceNote === undefined,
      priceNote: o.priceNote ?? null,
      startsOn: o.days ? isoDaysAhead(o.days[0]) : null,
      endsOn: o.days ? isoDaysAhead(o.days[1]) : null,
      url: o.url,
      contact: o.contact,
    });
  for (const o of REGIONAL_OPPORTUNITIES) await storeOpportunity(tx, people.kirovId, inputOf(o, '43'), people.coordinatorId);
  for (const o of FEDERAL_OPPORTUNITIES) await storeOpportunity(tx, null, inputOf(o, o.regionCode), people.issuerId);
}

const DEMO_PUPILS = {
  linked: { email: 'pupil@bilet.demo', lastName: 'Иванов', firstName: 'Артём', middleName: 'Дмитриевич', birthDate: '2013-04-17', snils: '17286453901' },
  graded: { email: 'pupil2@bilet.demo', lastName: 'Петрова', firstName: 'Мария', middleName: 'Алексеевна', birthDate: '2012-02-09', snils: '17286453800' },
  beginner: { email: 'pupil3@bilet.demo', lastName: 'Смирнов', firstName: 'Никита', middleName: 'Олегович', birthDate: '2013-09-02', snils: '17286454095' },
} as const;

interface DemoChild {
  email: string;
  lastName: string;
  firstName: string;
  middleName: string;
  birthDate: string;
  snils: string;
  grade: number;
  phone?: string;
}

/**
 * A family as registration and linking leave it: the parent from the ESIA emulator's citizen, the
 * pupil with a password, their link, the parent's consent and the school's navigator assigned.
 */
async function seedFamily(
  ctx: AppContext,
  tx: Tx,
  citizen: EsiaTestCitizen,
  child: DemoChild,
  demo: { passwordHash: string; school: { id: string | null; regionId: number; cityId: number }; navigatorId: string; schoolAccountId: string },
): Promise<string> {
  const [parent] = await tx
    .insert(accounts)
    .values({
      role: 'parent',
      email: citizen.email!,
      emailVerifiedAt: new Date(),
      status: 'active',
      lastName: citizen.lastName!,
      firstName: citizen.firstName!,
      middleName: citizen.middleName ?? null,
      birthDate: citizen.birthDate!,
    })
    .returning();
  await tx.insert(parentProfiles).values({
    accountId: parent!.id,
    esiaSubject: citizen.sub,
    snilsEnc: ctx.pd.encrypt(citizen.snils!),
    snilsBidx: ctx.pd.blindIndex(`snils:${citizen.snils!}`),
    esiaEmail: citizen.email!,
  });
  const [pupil] = await tx
    .insert(accounts)
    .values({
      role: 'participant',
      email: child.email,
      passwordHash: demo.passwordHash,
      status: 'active',
      emailVerifiedAt: new Date(),
      lastName: child.lastName,
      firstName: child.firstName,
      middleName: child.middleName,
      birthDate: child.birthDate,
      phone: child.phone ?? null,
    })
    .returning();
  const pupilId = pupil!.id;
  await tx.insert(participantProfiles).values({
    accountId: pupilId,
    grade: child.grade,
    regionId: demo.school.regionId,
    cityId: demo.school.cityId,
    schoolId: demo.school.id,
    schoolNameTyped: demo.school.id ? null : 'Школа № 1',
    snilsEnc: ctx.pd.encrypt(child.snils),
    identityBidx: childIdentityKey(ctx, child),
  });
  await tx.insert(familyLinks).values({ parentId: parent!.id, childId: pupilId });
  await tx.insert(consents).values({ parentId: parent!.id, childId: pupilId, kind: 'pd_processing', textVersion: CONSENT_TEXTS.pd_processing.version });
  await tx.insert(navigatorAssignments).values({ participantId: pupilId, navigatorId: demo.navigatorId, assignedBy: demo.schoolAccountId });
  return pupilId;
}

/** The sibling's trial a week ago, attended and graded 5 by the mentor, with what it left in the footprint. */
async function seedGradedTrial(
  tx: Tx,
  pupilId: string,
  trial: { venueId: string; placeId: string; competencyId: number; createdBy: string; mentorId: string },
): Promise<void> {
  const startsAt = daysAhead(-7, 11);
  const [event] = await tx
    .insert(events)
    .values({
      venueId: trial.venueId,
      competencyId: trial.competencyId,
      createdBy: trial.createdBy,
      format: 'in_person',
      title: 'Токарное дело: знакомство со станком',
      description: 'Мастер показал токарный станок и правила безопасной работы, каждый участник выточил и измерил простую деталь.',
      placeId: trial.placeId,
      startsAt,
      endsAt: new Date(startsAt.getTime() + 90 * 60_000),
      capacity: 12,
      seatsTaken: 1,
      gradeFrom: 7,
      gradeTo: 11,
      difficulty: 'basic',
      status: 'published',
      publishedAt: startsAt,
    })
    .returning({ id: events.id });
  await tx.insert(eventMentors).values({ eventId: event!.id, mentorId: trial.mentorId });
  const skills = ['attention', 'self-organisation'];
  await tx.insert(enrolments).values({
    eventId: event!.id,
    participantId: pupilId,
    status: 'confirmed',
    source: 'catalogue',
    createdBy: pupilId,
    confirmedAt: startsAt,
    attendance: 'present',
    attendanceMarkedAt: startsAt,
    grade: 5,
    feedback: 'Внимательно слушала инструктаж и выточила деталь точно по чертежу с первого раза',
    observedSkills: skills,
    feedbackBy: trial.mentorId,
    feedbackAt: new Date(),
  });
  // What the mentor's grade 5 leaves in the footprint, under the source key the events module gives a trial.
  await recordFootprint(tx, pupilId, `event:${event!.id}`, null, [
    { dimension: 'sphere:industry', value: 100, weight: 1 },
    { dimension: 'competency:cnc-turning', value: 100, weight: 1 },
    ...skills.map((code) => ({ dimension: `soft_skill:${code}`, value: 80, weight: 1 })),
  ]);
}

/** The operator's desk opens on a few requests in different states, and the answer templates it keeps. */
async function seedDemoSupport(ctx: AppContext, tx: Tx, people: DemoSupportPeople): Promise<void> {
  for (const request of demoSupportRequests(people, new Date())) await storePastRequest(ctx, tx, request);
  for (const template of DEMO_ANSWER_TEMPLATES) await storeAnswerTemplate(tx, { ...template, updatedBy: people.operatorId });
}

/**
 * The school year under way (or, in summer, the one about to start) and the one before, from
 * 1 September to 31 May; Kirov runs its own season a fortnight longer. Targets at every level,
 * set by the level above, so each demo dashboard shows progress bars.
 */
async function seedDemoSeasons(
  tx: Tx,
  people: { kirovId: number; issuerId: string; coordinatorId: string; schoolAccountId: string; schoolId: string | null; venueId: string; navigatorId: string },
): Promise<void> {
  const [year, month] = todayInMoscow().split('-').map(Number) as [number, number];
  const first = month >= 6 ? year : year - 1;
  const rows = await tx
    .insert(seasons)
    .values(
      [first - 1, first].map((y) => ({ name: `${y}/${String(y + 1).slice(2)}`, startsOn: `${y}-09-01`, endsOn: `${y + 1}-05-31` })),
    )
    .returning({ id: seasons.id, startsOn: seasons.startsOn });
  const current = rows.find((r) => r.startsOn === `${first}-09-01`)!;
  await tx.insert(regionSeasons).values({ regionId: people.kirovId, seasonId: current.id, startsOn: `${first}-09-01`, endsOn: `${first + 1}-06-15` });
  const target = (setBy: string, scopeLevel: string, scopeId: string, metric: string, value: number) => ({
    seasonId: current.id,
    scopeLevel,
    scopeId,
    metric,
    target: value,
    setBy,
  });
  await tx.insert(kpiTargets).values([
    target(people.issuerId, 'region', String(people.kirovId), 'pupils_registered', 5),
    target(people.issuerId, 'region', String(people.kirovId), 'pupils_tested', 4),
    target(people.issuerId, 'region', String(people.kirovId), 'fill_rate', 0.6),
    target(people.coordinatorId, 'venue', people.venueId, 'trials_held', 6),
    target(people.coordinatorId, 'venue', people.venueId, 'no_show_rate', 0.1),
    target(people.coordinatorId, 'venue', people.venueId, 'feedback_on_time', 0.9),
    ...(people.schoolId
      ? [
          target(people.coordinatorId, 'school', people.schoolId, 'pupils_registered', 4),
          target(people.coordinatorId, 'school', people.schoolId, 'consent_given', 4),
          target(people.coordinatorId, 'school', people.schoolId, 'pupils_attended', 2),
        ]
      : []),
    target(people.schoolAccountId, 'navigator', people.navigatorId, 'plans_published', 3),
    target(people.schoolAccountId, 'navigator', people.navigatorId, 'pupils_tested', 3),
  ]);
}

/**
 * Demo data for an empty database: one account of every role, a pupil linked to a parent who
 * signs in through the ESIA emulator as its first test citizen, with the consent given.
 */
export async function seedDemoData(ctx: AppContext): Promise<DemoAccount[] | null> {
  if (!(await isEmpty(ctx.db, accounts))) return null;
  const [kirov] = await ctx.db.select().from(regions).where(eq(regions.code, '43'));
  if (!kirov) throw new Error('Reference data must be seeded before demo data');
  const [kirovCity] = await ctx.db.select().from(cities).where(eq(cities.regionId, kirov.id)).orderBy(cities.id).limit(1);
  await seedDemoContacts(ctx.db, kirov.id);
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const parentCitizen = ESIA_TEST_CITIZENS[0]!;

  let gradedPupilId: string | null = null;
  await inTransaction(ctx.db, async (tx) => {
    for (const [index, school] of DEMO_SCHOOLS.entries()) {
      const [region] = await tx.select().from(regions).where(eq(regions.code, school.regionCode));
      if (!region) continue;
      const [city] = await tx.select().from(cities).where(eq(cities.regionId, region.id)).then((rows) => rows.filter((c) => c.name === school.city));
      if (!city) continue;
      const serial = String(index + 1).padStart(4, '0');
      await tx.insert(schools).values({
        regionId: region.id,
        cityId: city.id,
        name: school.name,
        inn: completeInn(`${school.regionCode.padStart(2, '0')}0100${serial.slice(1)}`),
        ogrn: completeOgrn(`10${school.regionCode.padStart(2, '0')}0000${serial}`),
        address: `${city.name}, ул. Школьная, ${index + 1}`,
      });
    }
    // Rows of one transaction share created_at and ids are random: the ИНН follows the list's order, so
    // the demo pupil always gets the list's first Kirov school, in the same city as the demo venue.
    const [school, neighbourSchool] = await tx.select().from(schools).where(eq(schools.regionId, kirov.id)).orderBy(schools.inn).limit(2);

    const [venue] = await tx
      .insert(venues)
      .values({
        regionId: kirov.id,
        cityId: kirovCity!.id,
        name: 'Колледж технологий и сервиса «Вятка»',
        inn: completeInn('434590001'),
        ogrn: completeOgrn('102430059001'),
        address: `${kirovCity!.name}, ул. Профсоюзная, 40`,
        phone: '+78332000000',
        description: 'Мастерские токарной обработки, 3D-печати и кондитерского дела: пробы для школьников 6–11 классов.',
      })
      .returning();
    // The demo organisations have accepted the operator's instruction, so their staff see their pupils at once.
    for (const demoSchool of await tx.select({ id: schools.id }).from(schools)) await recordInstructionAccepted(tx, { kind: 'school', id: demoSchool.id });
    await recordInstructionAccepted(tx, { kind: 'venue', id: venue!.id });
    const demoCompetencies = await tx.select().from(competencies).where(inArray(competencies.code, DEMO_VENUE_COMPETENCIES));
    if (demoCompetencies.length > 0) {
      await tx.insert(venueCompetencies).values(demoCompetencies.map((c) => ({ venueId: venue!.id, competencyId: c.id })));
    }
    const [workshop] = await tx.insert(venuePlaces).values({
      venueId: venue!.id,
      name: 'Учебно-производственные мастерские',
      cityId: kirovCity!.id,
      address: `${kirovCity!.name}, ул. Профсоюзная, 40, корпус 2`,
      rooms: [
        { name: 'Токарный участок', capacity: 12 },
        { name: 'Лаборатория 3D-печати', capacity: 15 },
      ],
      accessibility: ['step_free', 'accessible_toilet', 'assistant'],
    }).returning();

    const staffIds: Partial<Record<Role, string>> = {};
    for (const s of STAFF) {
      const [account] = await tx.insert(accounts).values({ ...s, passwordHash, status: 'active', emailVerifiedAt: new Date() }).returning();
      staffIds[s.role] = account!.id;
      const inSchool = s.role === 'school' || s.role === 'navigator';
      const inVenue = s.role === 'venue' || s.role === 'mentor';
      // Consent and the second factor are left to the first sign-in, so the demo shows both steps.
      await tx.insert(staffProfiles).values({
        accountId: account!.id,
        regionId: s.role === 'issuer_admin' || s.role === 'methodologist' || s.role === 'support_operator' ? null : kirov.id,
        schoolId: inSchool ? (school?.id ?? null) : null,
        venueId: inVenue ? venue!.id : null,
        position: s.position,
      });
    }
    // A navigator of the next school shows that navigators see only their own pupils.
    if (neighbourSchool) {
      const [account] = await tx.insert(accounts).values({ ...NEIGHBOUR_NAVIGATOR, passwordHash, status: 'active', emailVerifiedAt: new Date() }).returning();
      await tx.insert(staffProfiles).values({ accountId: account!.id, regionId: kirov.id, schoolId: neighbourSchool.id, position: NEIGHBOUR_NAVIGATOR.position });
    }
    if (demoCompetencies.length > 0) {
      await tx.insert(staffCompetencies).values(demoCompetencies.slice(0, 2).map((c) => ({ accountId: staffIds.mentor!, competencyId: c.id })));
    }
    await seedDemoEvents(ctx, tx, {
      venueId: venue!.id,
      placeId: workshop!.id,
      schoolId: school?.id ?? null,
      venueAccountId: staffIds.venue!,
      coordinatorId: staffIds.regional_coordinator!,
      mentorId: staffIds.mentor!,
      competencyIds: new Map(demoCompetencies.map((c) => [c.code, c.id])),
    });
    await seedDemoOpportunities(tx, { kirovId: kirov.id, coordinatorId: staffIds.regional_coordinator!, issuerId: staffIds.issuer_admin! });
    await seedDemoSeasons(tx, {
      kirovId: kirov.id,
      issuerId: staffIds.issuer_admin!,
      coordinatorId: staffIds.regional_coordinator!,
      schoolAccountId: staffIds.school!,
      schoolId: school?.id ?? null,
      venueId: venue!.id,
      navigatorId: staffIds.navigator!,
    });

    const family = {
      passwordHash,
      school: { id: school?.id ?? null, regionId: kirov.id, cityId: school?.cityId ?? kirovCity!.id },
      navigatorId: staffIds.navigator!,
      schoolAccountId: staffIds.school!,
    };
    const linkedPupilId = await seedFamily(ctx, tx, parentCitizen, { ...DEMO_PUPILS.linked, grade: 7, phone: '+79001234567' }, family);
    const [parent] = await tx.select().from(accounts).where(eq(accounts.email, parentCitizen.email!));
    await seedDemoSupport(ctx, tx, {
      regionId: kirov.id,
      operatorId: staffIds.support_operator!,
      parent: { id: parent!.id, lastName: parent!.lastName, firstName: parent!.firstName, email: parent!.email! },
      pupil: { id: linkedPupilId, lastName: DEMO_PUPILS.linked.lastName, firstName: DEMO_PUPILS.linked.firstName, email: DEMO_PUPILS.linked.email },
    });
    // A pupil who has done nothing yet: the first steps of the programme start from a clean page.
    await seedFamily(ctx, tx, ESIA_TEST_CITIZENS[2]!, { ...DEMO_PUPILS.beginner, grade: 7 }, family);
    // An eighth-grader who came to a turning trial a week ago and was graded: her plan gets drafted.
    const turningId = demoCompetencies.find((c) => c.code === 'cnc-turning')?.id;
    if (turningId !== undefined) {
      gradedPupilId = await seedFamily(ctx, tx, ESIA_TEST_CITIZENS[1]!, { ...DEMO_PUPILS.graded, grade: 8 }, family);
      await seedGradedTrial(tx, gradedPupilId, { venueId: venue!.id, placeId: workshop!.id, competencyId: turningId, createdBy: staffIds.venue!, mentorId: staffIds.mentor! });
    }
  });
  // The system drafts the sibling's plan as it would after the mentor's feedback: the navigator's queue opens on it.
  if (gradedPupilId) await draftPlanIfDue(ctx, gradedPupilId);
  // The refresh job would count the demo's facts within a minute; counted now, the dashboards open on them.
  await refreshFigures(ctx);

  return [
    ...[...STAFF, NEIGHBOUR_NAVIGATOR].map((s) => ({
      role: s.role,
      email: s.email,
      password: DEMO_PASSWORD,
      note: SECOND_FACTOR_REQUIRED.includes(s.role) ? 'при первом входе: код из приложения и согласие' : 'при первом входе: согласие',
    })),
    { role: 'participant', email: 'pupil@bilet.demo', password: DEMO_PASSWORD, note: 'связан с родителем, согласие дано' },
    { role: 'participant', email: 'pupil2@bilet.demo', password: DEMO_PASSWORD, note: '8 класс, была на пробе с отзывом наставника: план подготовлен' },
    { role: 'participant', email: 'pupil3@bilet.demo', password: DEMO_PASSWORD, note: '7 класс, связан с родителем, согласие дано, ещё ничего не проходил' },
    {
      role: 'parent',
      email: parentCitizen.email!,
      password: null,
      note: `вход через эмулятор ЕСИА: «${parentCitizen.lastName} ${parentCitizen.firstName}»`,
    },
    ...(gradedPupilId
      ? [{ role: 'parent' as const, email: ESIA_TEST_CITIZENS[1]!.email!, password: null, note: `вход через эмулятор ЕСИА: «${ESIA_TEST_CITIZENS[1]!.lastName} ${ESIA_TEST_CITIZENS[1]!.firstName}», дочь Мария` }]
      : []),
    { role: 'parent', email: ESIA_TEST_CITIZENS[2]!.email!, password: null, note: `вход через эмулятор ЕСИА: «${ESIA_TEST_CITIZENS[2]!.lastName} ${ESIA_TEST_CITIZENS[2]!.firstName}», сын Никита` },
  ];
}
