/**
 * The recommendations benchmark: a pupil's `GET /api/recommendations/me` against the one-SELECT
 * route in the same run, target ≥ 0.3, on a database grown to 100,000 pupils (each with a
 * footprint), 5,000 published events and 5,000 opportunities in the demo pupil's region — bulk
 * seeded with INSERT … SELECT generate_series, so the seeding takes seconds, not minutes. The
 * demo pupil gets a footprint from two tests, so the route finds candidates for every part.
 */
import { sql, type SQL } from 'drizzle-orm';
import { fmt } from './support.js';

export const REC_PUPILS = 100_000;
export const REC_EVENTS = 5_000;
export const REC_OPPORTUNITIES = 5_000;
const REC_PROFESSIONS = 300;
export const REC_TARGET = 0.3;

interface Executor {
  execute(query: SQL): Promise<unknown>;
}

export interface RecommendationsBenchDeps {
  db: Executor;
  rows<T>(query: SQL): Promise<T[]>;
  pupilId: string;
}

/** The synthetic pupil number g as a uuid, so every table can name it without a join. */
const PUPIL_ID = (g: string) => sql.raw(`('00000000-0000-4000-8000-' || lpad(to_hex(${g}), 12, '0'))::uuid`);

/** Grows the database around the demo pupil; returns what it holds afterwards. */
export async function seedRecommendationsData({ db, rows, pupilId }: RecommendationsBenchDeps): Promise<string> {
  const started = performance.now();
  const [home] = await rows<{ region_id: number; city_id: number }>(sql`select region_id, city_id from participant_profiles where account_id = ${pupilId}`);
  const [venue] = await rows<{ venue_id: string; place_id: string; creator: string }>(
    sql`select v.id as venue_id, pl.id as place_id, (select account_id from staff_profiles where venue_id = v.id limit 1) as creator
      from venues v join venue_places pl on pl.venue_id = v.id where v.region_id = ${home!.region_id} limit 1`,
  );
  if (!home || !venue) throw new Error('The demo pupil or the demo venue is missing: the recommendations bench needs the demo data');
  const region = home.region_id;
  const city = home.city_id;

  await db.execute(sql`insert into accounts (id, role, email, status, email_verified_at, last_name, first_name)
    select ${PUPIL_ID('g')}, 'participant', 'bench-rec-' || g || '@bench.local', 'active', now(), 'Бенчмарков', 'Ученик'
    from generate_series(1, ${REC_PUPILS}) g`);
  await db.execute(sql`insert into participant_profiles (account_id, grade, region_id, city_id, snils_enc, identity_bidx, has_ovz)
    select ${PUPIL_ID('g')}, 6 + g % 6, ${region}::int, ${city}::int, 'bench', 'bench-rec-' || g, g % 10 = 0
    from generate_series(1, ${REC_PUPILS}) g`);
  // Two tests' say about one sphere each for every pupil: 200,000 footprint rows beside the pupils'.
  await db.execute(sql`insert into footprint_contributions (participant_id, source_key, dimension, value, weight)
    select ${PUPIL_ID('g')}, 'test:bench-' || s, 'sphere:' || sp.code, (g * 7 + s * 13) % 100, 1
    from generate_series(1, ${REC_PUPILS}) g cross join generate_series(1, 2) s
    join lateral (select code from spheres order by id offset (g % (select count(*) from spheres)) limit 1) sp on true`);

  await db.execute(sql`insert into events (venue_id, competency_id, format, title, description, place_id, video_url, starts_at, ends_at,
      capacity, seats_taken, grade_from, grade_to, difficulty, ovz_suitable, status, published_at, created_by)
    select ${venue.venue_id}::uuid, c.id, case when g % 4 = 0 then 'online' else 'in_person' end, 'Бенч-проба № ' || g,
      'Проба для бенчмарка рекомендаций', case when g % 4 = 0 then null else ${venue.place_id}::uuid end,
      case when g % 4 = 0 then 'https://video.example.ru/bench' end,
      now() + make_interval(hours => 24 + g), now() + make_interval(hours => 26 + g),
      20, g % 21, 6 + g % 3, 11, (array['basic', 'intermediate', 'advanced'])[1 + g % 3], g % 3 = 0, 'published', now(), ${venue.creator}::uuid
    from generate_series(1, ${REC_EVENTS}) g
    join lateral (select id from competencies order by id offset (g % (select count(*) from competencies)) limit 1) c on true`);

  await db.execute(sql`insert into opportunities (id, region_id, kind, title, provider, description, grade_from, grade_to, city_id, online,
      ovz_accessible, free, starts_on, ends_on, created_by)
    select md5('bench-opportunity-' || g)::uuid, case when g % 5 = 0 then null else ${region}::int end,
      (array['college', 'university', 'club', 'olympiad', 'employer', 'online_course'])[1 + g % 6], 'Бенч-возможность № ' || g,
      'Организатор ' || g, 'Возможность для бенчмарка', 6 + g % 3, 11, case when g % 5 = 0 then null else ${city}::int end, g % 5 = 0,
      g % 2 = 0, g % 3 <> 0, current_date - 30, case when g % 7 = 0 then current_date - 1 else current_date + 365 end, ${venue.creator}::uuid
    from generate_series(1, ${REC_OPPORTUNITIES}) g`);
  await db.execute(sql`insert into opportunity_spheres (opportunity_id, sphere_id, region_id)
    select o.id, sp.id, o.region_id from opportunities o
    join lateral (select id from spheres order by id offset (abs(hashtext(o.id::text)) % (select count(*) from spheres)) limit 1) sp on true
    where o.title like 'Бенч-возможность%'`);
  await db.execute(sql`insert into opportunity_competencies (opportunity_id, competency_id)
    select os.opportunity_id, (select c.id from competencies c where c.sphere_id = os.sphere_id order by c.id limit 1)
    from opportunity_spheres os join opportunities o on o.id = os.opportunity_id
    where o.title like 'Бенч-возможность%' and exists(select 1 from competencies c where c.sphere_id = os.sphere_id)`);

  await db.execute(sql`insert into professions (code, name, description, education)
    select 'bench-profession-' || g, 'Бенч-профессия № ' || g, 'Профессия для бенчмарка', array['spo', 'vo']
    from generate_series(1, ${REC_PROFESSIONS}) g on conflict (code) do nothing`);
  await db.execute(sql`insert into profession_competencies (profession_id, competency_id)
    select p.id, c.id from professions p
    join lateral (select id from competencies order by id offset (p.id % (select count(*) from competencies)) limit 1) c on true
    where p.code like 'bench-profession-%' on conflict do nothing`);

  // The demo pupil: two tests that agree on the spheres of the first competencies, and a completed attempt, which enrolment requires.
  await db.execute(sql`insert into diagnostic_attempts (participant_id, test_id, version_id, status, grade_band, seed, completed_at)
    select ${pupilId}, t.id, t.published_version_id, 'completed', '6-7', 1, now() from diagnostic_tests t
    where t.published_version_id is not null and not exists(select 1 from diagnostic_attempts a where a.participant_id = ${pupilId} and a.status = 'completed')
    order by t.id limit 1`);
  await db.execute(sql`insert into footprint_contributions (participant_id, source_key, dimension, value, weight)
    select ${pupilId}, 'test:bench-rec-' || s, 'sphere:' || sp.code, 90 - sp.n * 10, 1
    from generate_series(1, 2) s cross join (select code, row_number() over (order by id) as n from spheres order by id limit 4) sp
    on conflict do nothing`);
  await db.execute(sql`analyze`);

  const [counts] = await rows<{ pupils: number; events: number; opportunities: number; contributions: number }>(
    sql`select (select count(*)::int from participant_profiles) as pupils,
      (select count(*)::int from events where status = 'published') as events,
      (select count(*)::int from opportunities) as opportunities,
      (select count(*)::int from footprint_contributions) as contributions`,
  );
  return (
    `${fmt(counts!.pupils)} pupils, ${fmt(counts!.events)} published events, ${fmt(counts!.opportunities)} opportunities, ` +
    `${fmt(counts!.contributions)} footprint rows; seeded in ${((performance.now() - started) / 1000).toFixed(1)} s`
  );
}

/** What the pupil got: the bench is only valid when every part of the route did its work. */
export async function checkRecommendations(baseUrl: string, cookie: string): Promise<string> {
  const res = await fetch(`${baseUrl}/api/recommendations/me`, { headers: { cookie } });
  const body = (await res.json()) as { events: unknown[]; opportunities: unknown[]; professions: unknown[]; tests: unknown[] };
  if (res.status !== 200) throw new Error(`GET /api/recommendations/me answered ${res.status}: ${JSON.stringify(body).slice(0, 300)}`);
  if (body.events.length === 0 || body.opportunities.length === 0 || body.professions.length === 0) {
    throw new Error(`The demo pupil's recommendations are thin, the bench would not measure the real work: ${JSON.stringify(body).slice(0, 300)}`);
  }
  return `${body.tests.length} tests, ${body.events.length} events, ${body.opportunities.length} opportunities, ${body.professions.length} professions`;
}

const FRESH_ROUNDS = 30;

/**
 * The views measured for the ratio are served from the kept snapshot, as most views are; this
 * times the other kind, a view right after one of the pupil's inputs changed, which computes
 * everything anew. Reported beside the ratio so neither hides the other.
 */
export async function timeFreshComputation(baseUrl: string, cookie: string, { db, pupilId }: Pick<RecommendationsBenchDeps, 'db' | 'pupilId'>): Promise<string> {
  const times: number[] = [];
  for (let i = 0; i < FRESH_ROUNDS; i++) {
    await db.execute(sql`select recommendation_inputs_bump(${`pupil:${pupilId}`})`);
    const started = performance.now();
    const res = await fetch(`${baseUrl}/api/recommendations/me`, { headers: { cookie } });
    await res.arrayBuffer();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return `computed afresh after an input changed: median ${fmt(times[FRESH_ROUNDS >> 1]!)} ms over ${FRESH_ROUNDS} views, one at a time`;
}
