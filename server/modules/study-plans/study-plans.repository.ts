import { and, asc, eq, sql, type SQL } from 'drizzle-orm';
import { queryRows, type Executor, type Tx } from '@server/db/client.js';
import { studyPlanStepsDone, studyPlanVersions, studyPlans } from '@server/db/schema/index.js';
import { PLAN_STAGES, type PlanStage, type StudyPlanContent } from '@common/guidance.js';
import { likePattern } from '@common/schemas/lists.js';
import type { PlanQueueQuery } from '@common/schemas/study-plans.js';
import type { AttendedTrial } from './draft.js';

const CONSENT_IN_FORCE = (pupil: SQL) =>
  sql`exists (select 1 from consents c where c.child_id = ${pupil} and c.kind = 'pd_processing' and c.withdrawn_at is null)`;
const ATTENDED = (pupil: SQL) => sql`exists (select 1 from enrolments en where en.participant_id = ${pupil} and en.attendance in ('present', 'late'))`;
const TESTED = (pupil: SQL) => sql`exists (select 1 from diagnostic_attempts d where d.participant_id = ${pupil} and d.status = 'completed')`;

export interface PlanPupil {
  id: string;
  first_name: string;
  last_name: string;
  grade: number;
  consent_in_force: boolean;
  tested: boolean;
  trial_attended: boolean;
}

export async function findPlanPupil(executor: Executor, id: string): Promise<PlanPupil | undefined> {
  const [row] = await queryRows<PlanPupil>(
    executor,
    sql`select a.id, a.first_name, a.last_name, pp.grade,
        ${CONSENT_IN_FORCE(sql`a.id`)} as consent_in_force, ${TESTED(sql`a.id`)} as tested, ${ATTENDED(sql`a.id`)} as trial_attended
      from accounts a join participant_profiles pp on pp.account_id = a.id
      where a.id = ${id}`,
  );
  return row;
}

/** Trials the pupil came to, with the mentor's grade and observed skills where given; `graded` says the mentor gave feedback. */
export async function attendedTrials(executor: Executor, participantId: string): Promise<Array<AttendedTrial & { graded: boolean }>> {
  const rows = await queryRows<{ title: string; sphere_code: string; grade: number | null; observed_skills: string[]; graded: boolean }>(
    executor,
    sql`select e.title, sp.code as sphere_code, en.grade, array_to_json(en.observed_skills) as observed_skills, en.feedback_at is not null as graded
      from enrolments en
      join events e on e.id = en.event_id
      join competencies co on co.id = e.competency_id
      join spheres sp on sp.id = co.sphere_id
      where en.participant_id = ${participantId} and en.attendance in ('present', 'late')
      order by e.starts_at, e.id`,
  );
  return rows.map((r) => ({ title: r.title, sphereCode: r.sphere_code, grade: r.grade, observedSkills: r.observed_skills, graded: r.graded }));
}

export async function testsCompleted(executor: Executor, participantId: string): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    executor,
    sql`select count(distinct test_id)::int as n from diagnostic_attempts where participant_id = ${participantId} and status = 'completed'`,
  );
  return row?.n ?? 0;
}

export interface PlanRow {
  draft: StudyPlanContent | null;
  draftedAt: Date | null;
  draftEditedBy: string | null;
  publishedVersion: number | null;
  publishedAt: Date | null;
  updatedAt: Date;
}

const PLAN_COLUMNS = {
  draft: studyPlans.draft,
  draftedAt: studyPlans.draftedAt,
  draftEditedBy: studyPlans.draftEditedBy,
  publishedVersion: studyPlans.publishedVersion,
  publishedAt: studyPlans.publishedAt,
  updatedAt: studyPlans.updatedAt,
};

export async function findPlan(executor: Executor, participantId: string): Promise<PlanRow | undefined> {
  const [row] = await executor.select(PLAN_COLUMNS).from(studyPlans).where(eq(studyPlans.participantId, participantId));
  return row as PlanRow | undefined;
}

/** The plan locked for a change, so two draftings or a drafting and an edit queue instead of overwriting each other. */
export async function lockPlan(tx: Tx, participantId: string): Promise<PlanRow | undefined> {
  const [row] = await tx.select(PLAN_COLUMNS).from(studyPlans).where(eq(studyPlans.participantId, participantId)).for('update');
  return row as PlanRow | undefined;
}

/** Locks the pupil's profile row: the first drafting of a plan that does not exist yet has nothing else to lock. */
export async function lockPupil(tx: Tx, participantId: string): Promise<void> {
  await tx.execute(sql`select 1 from participant_profiles where account_id = ${participantId} for update`);
}

export async function writeDraft(tx: Tx, participantId: string, draft: StudyPlanContent, editedBy: string | null): Promise<void> {
  await tx
    .insert(studyPlans)
    .values({ participantId, draft, draftedAt: sql`now()`, draftEditedBy: editedBy })
    .onConflictDoUpdate({ target: studyPlans.participantId, set: { draft, draftedAt: sql`now()`, draftEditedBy: editedBy, updatedAt: sql`now()` } });
}

/** Keeps the content whole as version n + 1 and clears the draft: the published plan is now the working copy. */
export async function publishDraft(tx: Tx, participantId: string, content: StudyPlanContent, by: string): Promise<number> {
  const [row] = await queryRows<{ version: number }>(
    tx,
    sql`update study_plans set published_version = coalesce(published_version, 0) + 1, published_at = now(), draft = null,
        draft_edited_by = null, updated_at = now()
      where participant_id = ${participantId}
      returning published_version as version`,
  );
  await tx.insert(studyPlanVersions).values({ participantId, version: row!.version, content, publishedBy: by });
  return row!.version;
}

export async function versionsOf(executor: Executor, participantId: string) {
  return executor
    .select({ version: studyPlanVersions.version, publishedAt: studyPlanVersions.publishedAt })
    .from(studyPlanVersions)
    .where(eq(studyPlanVersions.participantId, participantId))
    .orderBy(asc(studyPlanVersions.version));
}

export async function findVersion(executor: Executor, participantId: string, version: number) {
  const [row] = await queryRows<{ version: number; published_at: Date | string; content: StudyPlanContent; published_by_name: string }>(
    executor,
    sql`select v.version, v.published_at, v.content, concat_ws(' ', a.first_name, a.middle_name, a.last_name) as published_by_name
      from study_plan_versions v join accounts a on a.id = v.published_by
      where v.participant_id = ${participantId} and v.version = ${version}`,
  );
  return row;
}

export async function stepsDoneOf(executor: Executor, participantId: string) {
  return executor
    .select({ stepId: studyPlanStepsDone.stepId, doneAt: studyPlanStepsDone.doneAt })
    .from(studyPlanStepsDone)
    .where(eq(studyPlanStepsDone.participantId, participantId))
    .orderBy(asc(studyPlanStepsDone.doneAt), asc(studyPlanStepsDone.stepId));
}

export async function markStep(executor: Executor, participantId: string, stepId: string, done: boolean): Promise<void> {
  if (done) {
    await executor.insert(studyPlanStepsDone).values({ participantId, stepId }).onConflictDoNothing();
  } else {
    await executor.delete(studyPlanStepsDone).where(and(eq(studyPlanStepsDone.participantId, participantId), eq(studyPlanStepsDone.stepId, stepId)));
  }
}

export async function isAssigned(executor: Executor, navigatorId: string, participantId: string): Promise<boolean> {
  const rows = await queryRows<{ ok: number }>(
    executor,
    sql`select 1 as ok from navigator_assignments where navigator_id = ${navigatorId} and participant_id = ${participantId}`,
  );
  return rows.length > 0;
}

export interface QueueRow {
  id: string;
  last_name: string;
  first_name: string;
  middle_name: string | null;
  grade: number;
  school_name: string | null;
  stage: PlanStage;
  consent_in_force: boolean;
  draft_pending: boolean;
  published_version: number | null;
  updated_at: Date | string | null;
}

const STAGE_ORDER = sql`array_position(array['no_test', 'tested', 'trial_attended', 'plan_drafted', 'plan_published']::text[], q.stage)`;

function queueOrder(query: PlanQueueQuery): SQL {
  const dir = sql.raw(query.order === 'desc' ? 'desc' : 'asc');
  switch (query.sort) {
    case 'grade':
      return sql`q.grade ${dir}, q.last_name, q.first_name, q.id`;
    case 'stage':
      return sql`${STAGE_ORDER} ${dir}, q.last_name, q.first_name, q.id`;
    case 'name':
      return sql`q.last_name ${dir}, q.first_name ${dir}, q.id`;
  }
}

/** The furthest stage a pupil reached, as planStage tells it; `sp` is the pupil's study_plans row. */
const STAGE = (pupil: SQL) => sql`case
    when sp.published_version is not null then 'plan_published'
    when sp.draft is not null then 'plan_drafted'
    when ${ATTENDED(pupil)} then 'trial_attended'
    when ${TESTED(pupil)} then 'tested'
    else 'no_test'
  end`;

/** How many of the navigator's pupils stand at each stage, for its KPI dashboard. */
export async function navigatorStageCounts(executor: Executor, navigatorId: string): Promise<Record<PlanStage, number>> {
  const rows = await queryRows<{ stage: PlanStage; n: number }>(
    executor,
    sql`select q.stage, count(*)::int as n from (
        select ${STAGE(sql`na.participant_id`)} as stage from navigator_assignments na
        join accounts a on a.id = na.participant_id
        left join study_plans sp on sp.participant_id = na.participant_id
        -- A pupil frozen for erasure is counted no more than the queue shows it.
        where na.navigator_id = ${navigatorId} and a.status <> 'disabled'
      ) q group by q.stage`,
  );
  return Object.fromEntries(PLAN_STAGES.map((s) => [s, rows.find((r) => r.stage === s)?.n ?? 0])) as Record<PlanStage, number>;
}

/**
 * The navigator's pupils with the stage each has reached (the same order as planStage), one page
 * of them, their number, and how many stand at each stage under the same search.
 */
export async function planQueue(executor: Executor, navigatorId: string, query: PlanQueueQuery) {
  const search = query.q ? sql`and concat_ws(' ', a.last_name, a.first_name, a.middle_name) ilike ${likePattern(query.q)}` : sql``;
  const base = sql`with q as (
      select a.id, a.last_name, a.first_name, a.middle_name, pp.grade, coalesce(s.name, pp.school_name_typed) as school_name,
        ${CONSENT_IN_FORCE(sql`a.id`)} as consent_in_force,
        sp.draft is not null as draft_pending, sp.published_version, sp.updated_at,
        ${STAGE(sql`a.id`)} as stage
      from navigator_assignments na
      join accounts a on a.id = na.participant_id
      join participant_profiles pp on pp.account_id = na.participant_id
      left join schools s on s.id = pp.school_id
      left join study_plans sp on sp.participant_id = na.participant_id
      -- A pupil whose account is frozen for erasure leaves the queue.
      where na.navigator_id = ${navigatorId} and a.status <> 'disabled' ${search}
    )`;
  const stage = query.stage ? sql`where q.stage = ${query.stage}` : sql``;
  const [items, counts] = await Promise.all([
    queryRows<QueueRow>(
      executor,
      sql`${base} select q.* from q ${stage} order by ${queueOrder(query)} limit ${query.pageSize} offset ${(query.page - 1) * query.pageSize}`,
    ),
    queryRows<{ stage: PlanStage; n: number }>(executor, sql`${base} select q.stage, count(*)::int as n from q group by q.stage`),
  ]);
  return { items, counts };
}
