import crypto from 'node:crypto';
import { ROLES, STAFF_ROLES, type Role } from '@common/roles.js';
import { CONSENT_TEXTS } from '@common/consents.js';
import type { Caller, World } from './access-world.js';

/** A status, or 'pass': anything but 401, 403 and 5xx (the caller got past authorization). */
export type Outcome = number | 'pass';
export type Expectation = Partial<Record<Caller, Outcome>>;

export interface Probe {
  /** What the probe is about, for the failure message. */
  label: string;
  url: (w: World) => string;
  body?: (w: World) => unknown;
  /** Callers not named: anonymous 401, signed-in 403. */
  expect: Expectation;
  /** A list must not show this object to these callers. */
  hidden?: { id: (w: World) => string; from: readonly Caller[] };
}

export interface MatrixEntry {
  /** "METHOD /api/path/{param}" exactly as the OpenAPI document names the route. */
  route: string;
  probes: Probe[];
  /** The probe ends the caller's session, so it runs after every other probe. */
  endsSession?: boolean;
}

const EVERYONE: readonly Caller[] = ['anonymous', ...ROLES];
const SIGNED_IN: readonly Caller[] = ROLES;
const FAMILY: readonly Role[] = ['participant', 'parent'];

/** The same outcome for each of these callers. */
export function each(callers: readonly Caller[], outcome: Outcome): Expectation {
  return Object.fromEntries(callers.map((c) => [c, outcome]));
}

const randomId = () => crypto.randomUUID();
const randomToken = () => crypto.randomBytes(24).toString('base64url');
/** A lesson's registration link has 43 characters; a shorter one would be refused by the schema, not looked up. */
const randomLinkToken = () => crypto.randomBytes(32).toString('base64url');

/** A route only its own roles reach; an empty or invalid body proves they got past authorization. */
function guarded(route: string, roles: readonly Role[], outcome: Outcome, url?: (w: World) => string, body?: (w: World) => unknown): MatrixEntry {
  return { route, probes: [{ label: 'own scope', url: url ?? (() => route.split(' ')[1]!), ...(body ? { body } : {}), expect: each(roles, outcome) }] };
}

/** Public routes answer everyone the same way. */
function open(route: string, outcome: Outcome, url?: (w: World) => string, body?: (w: World) => unknown): MatrixEntry {
  return { route, probes: [{ label: 'public', url: url ?? (() => route.split(' ')[1]!), ...(body ? { body } : {}), expect: each(EVERYONE, outcome) }] };
}

const OPPORTUNITY_KEEPERS: readonly Role[] = ['issuer_admin', 'regional_coordinator'];
const SUPPORT_DESK: readonly Role[] = ['support_operator', 'issuer_admin', 'regional_coordinator'];
const HELP_READERS: readonly Role[] = ['support_operator', 'issuer_admin'];
const KPI_READERS: readonly Role[] = ['issuer_admin', 'regional_coordinator', 'school', 'venue', 'navigator', 'mentor'];
const ORG_READERS: readonly Role[] = ['issuer_admin', 'regional_coordinator', 'school', 'venue', 'navigator', 'mentor'];
const ORG_EDITORS: readonly Role[] = ['regional_coordinator', 'school', 'venue'];
const STAFF_MANAGERS: readonly Role[] = ['issuer_admin', 'regional_coordinator', 'school', 'venue'];
const PUPIL_READERS: readonly Role[] = ['issuer_admin', 'regional_coordinator', 'school', 'navigator'];
const AUDIT_REVIEWERS: readonly Role[] = ['issuer_admin', 'regional_coordinator'];
/** A pupil's diagnostic results: the pupil itself, a linked parent, the assigned navigator; nobody else, whatever the role. */
const RESULT_READERS: readonly Role[] = ['participant', 'parent', 'navigator'];
/** A mentor reads them too, once the pupil came to one of its events; region A's pupil has not yet. */
const MENTOR_NOT_YET = { mentor: 404 } as const;

/** A pupil's results list or footprint: region A's pupil is its pupil's, its parent's child and its navigator's assignee. */
function pupilResultsEntry(route: string, suffix: string, mentor: Expectation = MENTOR_NOT_YET): MatrixEntry {
  return {
    route,
    probes: [
      { label: 'own pupil', url: (w) => `/api/pupils/${w.a.pupilId}${suffix}`, expect: { ...each(RESULT_READERS, 200), ...mentor } },
      { label: 'neighbour school’s pupil', url: (w) => `/api/pupils/${w.a.neighbourPupilId}${suffix}`, expect: { ...each(RESULT_READERS, 404), ...mentor } },
      { label: 'other region’s pupil', url: (w) => `/api/pupils/${w.b.pupilId}${suffix}`, expect: { ...each(RESULT_READERS, 404), ...mentor } },
    ],
  };
}

/** A definition only a methodologist may send; one that says `format: 2` is refused without being saved. */
const BROKEN_DEFINITION = { source: 'format: 2' };
const UNKNOWN_TEST = 999_999;
const MENTOR_FEEDBACK = { grade: 4, feedback: 'Работал внимательно и довёл задание до конца', skills: ['attention'] };

/** A plan the schema accepts, so a probe of someone else's pupil reaches the scope check. */
const EMPTY_PLAN = { strengths: [], interests: [], profile: null, subjects: [], activities: [], opportunities: [], trials: [], steps: [], navigatorNote: null };

const EVENT_READERS: readonly Role[] = ['regional_coordinator', 'school', 'venue', 'navigator', 'mentor'];
/** Who acts on a pupil's enrolment ('events.pupil'): the pupil, a linked parent, the assigned navigator. */
const ENROLMENT_VIEWERS: readonly Role[] = ['participant', 'parent', 'navigator'];

/**
 * The parent's answer to a pupil's request. Region A's enrolment is confirmed, not awaiting an
 * answer, so its parent gets 409 and nothing changes; the pupil itself reaches it but may not answer.
 */
function answerEntry(step: 'approve' | 'decline'): MatrixEntry {
  return {
    route: `POST /api/enrolments/{enrolmentId}/${step}`,
    probes: [
      { label: 'own confirmed enrolment', url: (w) => `/api/enrolments/${w.a.enrolmentId}/${step}`, expect: { parent: 409 } },
      { label: 'other family’s enrolment', url: (w) => `/api/enrolments/${w.b.enrolmentId}/${step}`, expect: each(FAMILY, 404) },
      { label: 'unknown enrolment', url: () => `/api/enrolments/${randomId()}/${step}`, expect: each(FAMILY, 404) },
    ],
  };
}

/** A change the schema accepts, so a probe of someone else's event reaches the scope check. */
function eventChange(schoolId: string, mentorId: string) {
  return {
    competencyId: 1,
    format: 'school_lesson',
    title: 'Урок для проверки доступа',
    description: 'Урок, на котором проверяется, кто может менять мероприятие',
    schoolId,
    videoUrl: 'https://video.example.ru/room/1',
    durationMinutes: 45,
    capacity: 15,
    gradeFrom: 6,
    gradeTo: 9,
    difficulty: 'basic',
    ovzSuitable: false,
    mentorIds: [mentorId],
    startsAt: new Date(Date.now() + 48 * 3600_000).toISOString(),
  };
}

/** A workflow step: region A's lesson is already published, so its own reviewer or venue gets 409; region B's is out of scope. */
function eventStepEntry(step: string, roles: readonly Role[], body?: unknown): MatrixEntry {
  const withBody = body === undefined ? {} : { body: () => body };
  return {
    route: `POST /api/staff/events/{eventId}/${step}`,
    probes: [
      { label: 'own published lesson', url: (w) => `/api/staff/events/${w.a.lessonId}/${step}`, ...withBody, expect: each(roles, 409) },
      { label: 'other region’s lesson', url: (w) => `/api/staff/events/${w.b.lessonId}/${step}`, ...withBody, expect: each(roles, 404) },
    ],
  };
}

function organisationEntries(kind: 'school' | 'venue'): MatrixEntry[] {
  const base = kind === 'school' ? '/api/schools' : '/api/venues';
  const own = (w: World) => (kind === 'school' ? w.a.schoolId : w.a.venueId);
  const foreign = (w: World) => (kind === 'school' ? w.b.schoolId : w.b.venueId);
  const ownStaff: readonly Role[] = kind === 'school' ? ['school', 'navigator'] : ['venue', 'mentor'];
  const otherStaff: readonly Role[] = kind === 'school' ? ['venue', 'mentor'] : ['school', 'navigator'];
  return [
    guarded(`POST ${base}`, ['regional_coordinator'], 400, () => base, () => ({})),
    {
      route: `GET ${base}/{id}`,
      probes: [
        { label: 'own region', url: (w) => `${base}/${own(w)}`, expect: { ...each(['issuer_admin', 'regional_coordinator', ...ownStaff], 200), ...each(otherStaff, 404) } },
        { label: 'other region', url: (w) => `${base}/${foreign(w)}`, expect: { issuer_admin: 200, ...each(['regional_coordinator', ...ownStaff, ...otherStaff], 404) } },
        ...(kind === 'school'
          ? [{ label: 'neighbour school', url: (w: World) => `${base}/${w.a.neighbourSchoolId}`, expect: { issuer_admin: 200, regional_coordinator: 200, ...each(['school', 'navigator', 'venue', 'mentor'], 404) } }]
          : []),
      ],
    },
    {
      route: `PATCH ${base}/{id}`,
      probes: [
        { label: 'empty change', url: (w) => `${base}/${own(w)}`, body: () => ({}), expect: each(ORG_EDITORS, 400) },
        { label: 'other region', url: (w) => `${base}/${foreign(w)}`, body: () => ({ address: 'ул. Проверочная, 1' }), expect: each(ORG_EDITORS, 404) },
      ],
    },
    {
      route: `POST ${base}/{id}/suspend`,
      probes: [
        { label: 'no reason', url: (w) => `${base}/${own(w)}/suspend`, body: () => ({}), expect: { regional_coordinator: 400 } },
        { label: 'other region', url: (w) => `${base}/${foreign(w)}/suspend`, body: () => ({ reason: 'Проверка доступа' }), expect: { regional_coordinator: 404 } },
      ],
    },
    {
      route: `POST ${base}/{id}/reactivate`,
      probes: [
        { label: 'not suspended', url: (w) => `${base}/${own(w)}/reactivate`, expect: { regional_coordinator: 409 } },
        { label: 'other region', url: (w) => `${base}/${foreign(w)}/reactivate`, expect: { regional_coordinator: 404 } },
      ],
    },
  ];
}

/**
 * Every route of the API with the answer each caller must get. The test fails for a route that is
 * missing here, so a new route cannot ship without deciding who may call it.
 */
export const ACCESS_MATRIX: MatrixEntry[] = [
  open('GET /api/health', 200),
  open('GET /api/regions', 200),
  open('GET /api/regions/{regionId}/cities', 200, (w) => `/api/regions/${w.a.place.regionId}/cities`),
  open('GET /api/regions/{regionId}/schools', 200, (w) => `/api/regions/${w.a.place.regionId}/schools`),
  open('GET /api/reference/competencies', 200),
  open('GET /api/reference/soft-skills', 200),
  open('GET /api/reference/awareness-levels', 200),
  // The issuer's edits of the reference model; an empty body proves the issuer got past authorization.
  guarded('PATCH /api/reference/spheres/{id}', ['issuer_admin'], 400, () => '/api/reference/spheres/1', () => ({})),
  guarded('POST /api/reference/competencies', ['issuer_admin'], 400, undefined, () => ({})),
  guarded('PATCH /api/reference/competencies/{id}', ['issuer_admin'], 400, () => '/api/reference/competencies/1', () => ({})),
  guarded('PATCH /api/reference/soft-skills/{id}', ['issuer_admin'], 400, () => '/api/reference/soft-skills/1', () => ({})),
  guarded('PUT /api/reference/awareness-levels', ['issuer_admin'], 400, undefined, () => ({})),
  guarded('GET /api/reference/professions', ['issuer_admin'], 200),
  guarded('POST /api/reference/professions', ['issuer_admin'], 400, undefined, () => ({})),
  guarded('PUT /api/reference/professions/{id}', ['issuer_admin'], 400, () => '/api/reference/professions/1', () => ({})),
  // Opportunities: the coordinator keeps its region's, the issuer the federal ones; a card opens to anyone signed in.
  guarded('GET /api/staff/opportunities', OPPORTUNITY_KEEPERS, 200),
  guarded('POST /api/staff/opportunities', OPPORTUNITY_KEEPERS, 400, undefined, () => ({})),
  guarded('GET /api/staff/opportunities/import/template', OPPORTUNITY_KEEPERS, 200),
  guarded('POST /api/staff/opportunities/import/preview', OPPORTUNITY_KEEPERS, 'pass'),
  guarded('POST /api/staff/opportunities/import', OPPORTUNITY_KEEPERS, 400),
  guarded('GET /api/staff/opportunities/{opportunityId}', OPPORTUNITY_KEEPERS, 404, () => `/api/staff/opportunities/${randomId()}`),
  guarded('PUT /api/staff/opportunities/{opportunityId}', OPPORTUNITY_KEEPERS, 400, () => `/api/staff/opportunities/${randomId()}`, () => ({})),
  guarded('POST /api/staff/opportunities/{opportunityId}/archive', OPPORTUNITY_KEEPERS, 404, () => `/api/staff/opportunities/${randomId()}/archive`),
  guarded('GET /api/opportunities/{opportunityId}', SIGNED_IN as Role[], 404, () => `/api/opportunities/${randomId()}`),
  // KPI dashboards: each level its own scope; another region's school exists only for the issuer. Targets: only the level above.
  {
    route: 'GET /api/kpi/dashboard',
    probes: [
      { label: 'own scope', url: () => '/api/kpi/dashboard', expect: each(KPI_READERS, 200) },
      {
        label: 'other region’s school',
        url: (w) => `/api/kpi/dashboard?level=school&id=${w.b.schoolId}`,
        expect: { ...each(KPI_READERS, 404), issuer_admin: 200 },
      },
    ],
  },
  guarded('GET /api/kpi/seasons', KPI_READERS, 200),
  {
    route: 'GET /api/kpi/export',
    probes: [
      { label: 'own scope', url: () => '/api/kpi/export?table=figures&format=csv', expect: each(KPI_READERS, 200) },
      {
        label: 'other region’s school',
        url: (w) => `/api/kpi/export?level=school&id=${w.b.schoolId}&table=children&format=xlsx`,
        expect: { ...each(KPI_READERS, 404), issuer_admin: 200 },
      },
    ],
  },
  {
    route: 'GET /api/kpi/report',
    probes: [
      { label: 'own scope', url: () => '/api/kpi/report', expect: { ...each(KPI_READERS, 400), regional_coordinator: 200, school: 200 } },
      {
        label: 'other region’s school',
        url: (w) => `/api/kpi/report?level=school&id=${w.b.schoolId}`,
        expect: { ...each(KPI_READERS, 404), issuer_admin: 200 },
      },
    ],
  },
  {
    route: 'PUT /api/kpi/targets',
    probes: [
      {
        label: 'own region’s school',
        url: () => '/api/kpi/targets',
        body: (w) => ({ season: w.seasonId, level: 'school', id: w.a.schoolId, targets: {} }),
        expect: { issuer_admin: 403, regional_coordinator: 200, school: 403 },
      },
      {
        label: 'other region’s school',
        url: () => '/api/kpi/targets',
        body: (w) => ({ season: w.seasonId, level: 'school', id: w.b.schoolId, targets: {} }),
        expect: { issuer_admin: 403, regional_coordinator: 404, school: 404 },
      },
    ],
  },
  // Data rights: everyone downloads its own data, a parent its own child's; nobody reaches another family's child.
  {
    route: 'GET /api/data-rights/archive',
    probes: [
      { label: 'own data', url: () => '/api/data-rights/archive', expect: each(SIGNED_IN, 200) },
      { label: 'own child', url: (w) => `/api/data-rights/archive?subjectId=${w.a.pupilId}&format=pdf`, expect: { ...each(SIGNED_IN, 404), participant: 200, parent: 200 } },
      { label: 'another family’s child', url: (w) => `/api/data-rights/archive?subjectId=${w.b.pupilId}`, expect: each(SIGNED_IN, 404) },
    ],
  },
  {
    route: 'GET /api/data-rights/erasure',
    probes: [
      { label: 'own account', url: () => '/api/data-rights/erasure', expect: each(FAMILY, 200) },
      { label: 'another family’s child', url: (w) => `/api/data-rights/erasure?subjectId=${w.b.pupilId}`, expect: each(FAMILY, 404) },
    ],
  },
  guarded('POST /api/data-rights/erasure', FAMILY, 404, undefined, (w) => ({ subjectId: w.b.pupilId })),
  guarded('POST /api/data-rights/erasure/cancel', FAMILY, 404, undefined, () => ({})),
  guarded('GET /api/data-rights/retention', ['issuer_admin'], 200),
  // The help centre: articles, search, the bot and contacts for everyone; support writes, the issuer reads drafts.
  open('GET /api/help/articles', 200),
  open('GET /api/help/articles/{slug}', 200, () => '/api/help/articles/faq'),
  open('GET /api/help/search', 200, () => `/api/help/search?q=${encodeURIComponent('запись')}`),
  open('POST /api/help/bot', 200, undefined, () => ({ message: 'как записаться на пробу' })),
  open('GET /api/help/contacts', 200),
  open('GET /api/help/images/files/{name}', 200, () => '/api/help/images/files/signin.png'),
  open('GET /api/help/images/{imageId}', 404, () => `/api/help/images/${randomId()}`),
  guarded('PUT /api/help/contacts', ['regional_coordinator', 'support_operator'], 400, undefined, () => ({})),
  guarded('GET /api/staff/help/articles', HELP_READERS, 200),
  guarded('POST /api/staff/help/articles', ['support_operator'], 400, undefined, () => ({})),
  guarded('GET /api/staff/help/articles/{articleId}', HELP_READERS, 404, () => `/api/staff/help/articles/${randomId()}`),
  guarded('PUT /api/staff/help/articles/{articleId}', ['support_operator'], 400, () => `/api/staff/help/articles/${randomId()}`, () => ({})),
  guarded('POST /api/staff/help/articles/{articleId}/publish', ['support_operator'], 404, () => `/api/staff/help/articles/${randomId()}/publish`),
  guarded('GET /api/staff/help/articles/{articleId}/versions', HELP_READERS, 404, () => `/api/staff/help/articles/${randomId()}/versions`),
  guarded('GET /api/staff/help/articles/{articleId}/versions/{version}', HELP_READERS, 404, () => `/api/staff/help/articles/${randomId()}/versions/1`),
  guarded('POST /api/staff/help/articles/{articleId}/versions/{version}/restore', ['support_operator'], 404, () => `/api/staff/help/articles/${randomId()}/versions/1/restore`),
  guarded('POST /api/staff/help/preview', HELP_READERS, 400, undefined, () => ({})),
  guarded('POST /api/staff/help/images', ['support_operator'], 'pass'),
  open('GET /api/consents/texts', 200),
  open('GET /api/auth/config', 200),
  open('GET /api/auth/session', 200),
  open('POST /api/auth/sign-in', 400, undefined, () => ({})),
  open('POST /api/auth/sign-in/second-factor', 400, undefined, () => ({})),
  open('POST /api/auth/activate', 400, undefined, () => ({})),
  open('POST /api/auth/password-reset', 400, undefined, () => ({})),
  open('POST /api/auth/password', 400, undefined, () => ({})),
  open('POST /api/registration/participant', 400, undefined, () => ({})),
  open('GET /api/auth/esia/start', 303),
  open('GET /api/auth/esia/callback', 303),
  open('GET /api/invitations/by-token/{token}', 404, () => `/api/invitations/by-token/${randomToken()}`),
  open('POST /api/invitations/by-token/{token}/renew', 404, () => `/api/invitations/by-token/${randomToken()}/renew`),
  open('GET /api/staff-invitations/{token}', 404, () => `/api/staff-invitations/${randomToken()}`),
  open('POST /api/staff-invitations/accept', 400, undefined, () => ({})),

  guarded('POST /api/auth/activation/resend', ['participant'], 'pass'),
  { ...guarded('POST /api/auth/sign-out', SIGNED_IN as Role[], 200), endsSession: true },
  guarded('GET /api/notifications', SIGNED_IN as Role[], 200),
  guarded('POST /api/notifications/{id}/read', SIGNED_IN as Role[], 404, () => `/api/notifications/${randomId()}/read`),

  guarded('GET /api/participant/cabinet', ['participant'], 200),
  guarded('GET /api/participant/personal-data', ['participant'], 200),
  guarded('PATCH /api/participant/personal-data', ['participant'], 400, undefined, () => ({ phone: 'нет' })),
  guarded('POST /api/participant/invitations', ['participant'], 400, undefined, () => ({})),
  guarded('GET /api/invitations', FAMILY, 200),
  guarded('POST /api/invitations/{id}/resend', FAMILY, 404, () => `/api/invitations/${randomId()}/resend`),
  guarded('POST /api/invitations/{id}/revoke', FAMILY, 404, () => `/api/invitations/${randomId()}/revoke`),
  guarded('POST /api/invitations/by-token/{token}/accept', ['parent'], 404, () => `/api/invitations/by-token/${randomToken()}/accept`),
  guarded('POST /api/parent/confirm', ['parent'], 'pass', undefined, () => ({})),
  guarded('GET /api/parent/cabinet', ['parent'], 200),
  guarded('GET /api/parent/personal-data', ['parent'], 200),
  guarded('POST /api/parent/children', ['parent'], 400, undefined, () => ({})),
  guarded('POST /api/parent/invitations', ['parent'], 400, undefined, () => ({})),
  {
    route: 'POST /api/parent/children/{childId}/consents',
    probes: [
      { label: 'own child, empty body', url: (w) => `/api/parent/children/${w.a.pupilId}/consents`, body: () => ({}), expect: { parent: 400 } },
      {
        label: 'someone else’s child',
        url: (w) => `/api/parent/children/${w.b.pupilId}/consents`,
        body: () => ({ kind: 'photo_video', textVersion: CONSENT_TEXTS.photo_video.version }),
        expect: { parent: 404 },
      },
    ],
  },
  {
    route: 'PUT /api/parent/children/{childId}/representative-kind',
    probes: [
      { label: 'own child, unknown kind', url: (w) => `/api/parent/children/${w.a.pupilId}/representative-kind`, body: () => ({ representativeKind: 'uncle' }), expect: { parent: 400 } },
      { label: 'someone else’s child', url: (w) => `/api/parent/children/${w.b.pupilId}/representative-kind`, body: () => ({ representativeKind: 'guardian' }), expect: { parent: 404 } },
    ],
  },
  {
    route: 'POST /api/parent/children/{childId}/consents/{kind}/withdraw',
    probes: [{ label: 'someone else’s child', url: (w) => `/api/parent/children/${w.b.pupilId}/consents/pd_processing/withdraw`, expect: { parent: 404 } }],
  },
  {
    route: 'GET /api/parent/children/{childId}/personal-data',
    probes: [
      { label: 'own child', url: (w) => `/api/parent/children/${w.a.pupilId}/personal-data`, expect: { parent: 200 } },
      { label: 'someone else’s child', url: (w) => `/api/parent/children/${w.b.pupilId}/personal-data`, expect: { parent: 404 } },
    ],
  },
  {
    route: 'PATCH /api/parent/children/{childId}/personal-data',
    probes: [
      { label: 'own child, bad phone', url: (w) => `/api/parent/children/${w.a.pupilId}/personal-data`, body: () => ({ phone: 'нет' }), expect: { parent: 400 } },
      { label: 'someone else’s child', url: (w) => `/api/parent/children/${w.b.pupilId}/personal-data`, body: () => ({ hasOvz: false }), expect: { parent: 404 } },
    ],
  },

  guarded('GET /api/auth/second-factor', STAFF_ROLES, 200),
  guarded('POST /api/auth/second-factor/setup', STAFF_ROLES, 'pass'),
  guarded('POST /api/auth/second-factor/enable', STAFF_ROLES, 400, undefined, () => ({})),
  guarded('POST /api/auth/second-factor/disable', STAFF_ROLES, 400, undefined, () => ({})),
  guarded('POST /api/auth/second-factor/recovery-codes', STAFF_ROLES, 400, undefined, () => ({})),
  guarded('GET /api/staff/consent', STAFF_ROLES, 200),
  guarded('POST /api/staff/consent', STAFF_ROLES, 400, undefined, () => ({})),
  guarded('GET /api/staff/me', STAFF_ROLES, 200),
  guarded('PATCH /api/staff/me', STAFF_ROLES, 400, undefined, () => ({})),
  {
    route: 'GET /api/staff',
    probes: [
      {
        label: 'scoped list',
        url: () => '/api/staff?pageSize=100',
        expect: each(STAFF_MANAGERS, 200),
        hidden: { id: (w) => w.b.staffIds.navigator, from: ['regional_coordinator', 'school', 'venue'] },
      },
    ],
  },
  guarded('POST /api/staff', ['issuer_admin', 'school', 'venue'], 400, undefined, () => ({})),
  {
    route: 'PATCH /api/staff/{id}',
    probes: [
      { label: 'own mentor, empty change', url: (w) => `/api/staff/${w.a.staffIds.mentor}`, body: () => ({}), expect: { venue: 400 } },
      { label: 'other region’s mentor', url: (w) => `/api/staff/${w.b.staffIds.mentor}`, body: () => ({ position: 'Мастер' }), expect: { venue: 404 } },
    ],
  },
  {
    route: 'DELETE /api/staff/{id}',
    probes: [
      { label: 'unknown id', url: () => `/api/staff/${randomId()}`, expect: each(STAFF_MANAGERS, 404) },
      { label: 'other region’s navigator', url: (w) => `/api/staff/${w.b.staffIds.navigator}`, expect: each(STAFF_MANAGERS, 404) },
    ],
  },
  {
    route: 'POST /api/staff/{id}/invitation',
    probes: [{ label: 'other region’s mentor', url: (w) => `/api/staff/${w.b.staffIds.mentor}/invitation`, expect: each(STAFF_MANAGERS, 404) }],
  },

  {
    route: 'GET /api/regions/overview',
    probes: [
      { label: 'list', url: () => '/api/regions/overview', expect: each(['issuer_admin', 'regional_coordinator'], 200) },
    ],
  },
  {
    route: 'GET /api/regions/{regionId}',
    probes: [
      { label: 'own region', url: (w) => `/api/regions/${w.a.place.regionId}`, expect: each(['issuer_admin', 'regional_coordinator'], 200) },
      { label: 'other region', url: (w) => `/api/regions/${w.b.place.regionId}`, expect: { issuer_admin: 200, regional_coordinator: 404 } },
    ],
  },
  {
    route: 'PATCH /api/regions/{regionId}',
    probes: [
      { label: 'own region, empty body', url: (w) => `/api/regions/${w.a.place.regionId}`, body: () => ({}), expect: each(['issuer_admin', 'regional_coordinator'], 400) },
      {
        label: 'other region',
        url: (w) => `/api/regions/${w.b.place.regionId}`,
        body: () => ({ seasonStartsOn: null, seasonEndsOn: null }),
        expect: { issuer_admin: 200, regional_coordinator: 404 },
      },
    ],
  },
  {
    route: 'POST /api/regions/{regionId}/cities',
    probes: [
      { label: 'own region, empty body', url: (w) => `/api/regions/${w.a.place.regionId}/cities`, body: () => ({}), expect: each(['issuer_admin', 'regional_coordinator'], 400) },
      { label: 'other region', url: (w) => `/api/regions/${w.b.place.regionId}/cities`, body: () => ({ name: 'Проверочный' }), expect: { issuer_admin: 'pass', regional_coordinator: 404 } },
    ],
  },
  {
    route: 'PATCH /api/cities/{cityId}',
    probes: [
      { label: 'own city, empty body', url: (w) => `/api/cities/${w.a.place.cityId}`, body: () => ({}), expect: each(['issuer_admin', 'regional_coordinator'], 400) },
      { label: 'other region’s city', url: (w) => `/api/cities/${w.b.place.cityId}`, body: () => ({ name: 'Переименованный' }), expect: { issuer_admin: 'pass', regional_coordinator: 404 } },
    ],
  },
  {
    route: 'DELETE /api/cities/{cityId}',
    probes: [
      { label: 'own city in use', url: (w) => `/api/cities/${w.a.place.cityId}`, expect: each(['issuer_admin', 'regional_coordinator'], 409) },
      { label: 'other region’s city', url: (w) => `/api/cities/${w.b.place.cityId}`, expect: { issuer_admin: 409, regional_coordinator: 404 } },
    ],
  },

  {
    route: 'GET /api/organisations',
    probes: [
      {
        label: 'schools',
        url: () => '/api/organisations?kind=school&pageSize=100',
        expect: each(ORG_READERS, 200),
        hidden: { id: (w) => w.b.schoolId, from: ['regional_coordinator', 'school', 'venue', 'navigator', 'mentor'] },
      },
      {
        label: 'neighbour school',
        url: () => '/api/organisations?kind=school&pageSize=100',
        expect: each(ORG_READERS, 200),
        hidden: { id: (w) => w.a.neighbourSchoolId, from: ['school', 'venue', 'navigator', 'mentor'] },
      },
    ],
  },
  ...organisationEntries('school'),
  ...organisationEntries('venue'),
  guarded('GET /api/organisation-instruction', ['school', 'venue', 'navigator', 'mentor'], 200),
  // A version other than the current one is refused and records nothing.
  guarded('POST /api/organisation-instruction/acceptance', ['school', 'venue'], 409, undefined, () => ({ version: '2000-01' })),

  {
    route: 'GET /api/places',
    probes: [
      {
        label: 'scoped list',
        url: () => '/api/places?pageSize=100',
        expect: each(['issuer_admin', 'regional_coordinator', 'venue', 'mentor'], 200),
        hidden: { id: (w) => w.b.placeId, from: ['regional_coordinator', 'venue', 'mentor'] },
      },
    ],
  },
  {
    route: 'GET /api/places/{id}',
    probes: [
      { label: 'own place', url: (w) => `/api/places/${w.a.placeId}`, expect: each(['issuer_admin', 'regional_coordinator', 'venue', 'mentor'], 200) },
      { label: 'other region’s place', url: (w) => `/api/places/${w.b.placeId}`, expect: { issuer_admin: 200, ...each(['regional_coordinator', 'venue', 'mentor'], 404) } },
    ],
  },
  guarded('POST /api/places', ['venue'], 400, undefined, () => ({})),
  {
    route: 'PATCH /api/places/{id}',
    probes: [
      { label: 'own place, bad change', url: (w) => `/api/places/${w.a.placeId}`, body: () => ({ name: '' }), expect: { venue: 400 } },
      { label: 'other venue’s place', url: (w) => `/api/places/${w.b.placeId}`, body: () => ({ name: 'Чужое место' }), expect: { venue: 404 } },
    ],
  },

  {
    route: 'GET /api/paper-consents',
    probes: [
      {
        label: 'scoped list',
        url: () => '/api/paper-consents?pageSize=100',
        expect: each(['school', 'regional_coordinator', 'parent'], 200),
        hidden: { id: (w) => w.b.paperConsentId, from: ['school', 'regional_coordinator', 'parent'] },
      },
    ],
  },
  guarded('POST /api/paper-consents', ['school'], 'pass'),
  {
    route: 'PATCH /api/paper-consents/{id}',
    probes: [
      { label: 'own scan, empty body', url: (w) => `/api/paper-consents/${w.a.paperConsentId}`, body: () => ({}), expect: { school: 400 } },
      { label: 'other school’s scan', url: (w) => `/api/paper-consents/${w.b.paperConsentId}`, body: () => ({ participantId: null }), expect: { school: 404 } },
    ],
  },
  {
    route: 'GET /api/paper-consents/{id}/file',
    probes: [
      { label: 'own scan', url: (w) => `/api/paper-consents/${w.a.paperConsentId}/file`, expect: each(['school', 'regional_coordinator', 'parent'], 200) },
      { label: 'other region’s scan', url: (w) => `/api/paper-consents/${w.b.paperConsentId}/file`, expect: each(['school', 'regional_coordinator', 'parent'], 404) },
    ],
  },

  {
    route: 'GET /api/participants',
    probes: [
      {
        label: 'other region’s pupil',
        url: () => '/api/participants?pageSize=100',
        expect: each(PUPIL_READERS, 200),
        hidden: { id: (w) => w.b.pupilId, from: ['regional_coordinator', 'school', 'navigator'] },
      },
      {
        label: 'neighbour school’s pupil',
        url: () => '/api/participants?pageSize=100',
        expect: each(PUPIL_READERS, 200),
        hidden: { id: (w) => w.a.neighbourPupilId, from: ['school', 'navigator'] },
      },
    ],
  },
  guarded('POST /api/participants', ['school'], 400, undefined, () => ({})),
  {
    route: 'POST /api/participants/navigator',
    probes: [
      { label: 'empty body', url: () => '/api/participants/navigator', body: () => ({}), expect: { school: 400 } },
      {
        label: 'other region’s pupil',
        url: () => '/api/participants/navigator',
        body: (w) => ({ participantIds: [w.b.pupilId], navigatorId: w.a.staffIds.navigator }),
        expect: { school: 404 },
      },
      {
        label: 'other region’s navigator',
        url: () => '/api/participants/navigator',
        body: (w) => ({ participantIds: [w.a.pupilId], navigatorId: w.b.staffIds.navigator }),
        expect: { school: 404 },
      },
    ],
  },
  {
    route: 'GET /api/participants/{id}',
    probes: [
      { label: 'own pupil', url: (w) => `/api/participants/${w.a.pupilId}`, expect: each(PUPIL_READERS, 200) },
      {
        label: 'neighbour school’s pupil',
        url: (w) => `/api/participants/${w.a.neighbourPupilId}`,
        expect: { issuer_admin: 200, regional_coordinator: 200, school: 404, navigator: 404 },
      },
      {
        label: 'other region’s pupil',
        url: (w) => `/api/participants/${w.b.pupilId}`,
        expect: { issuer_admin: 200, ...each(['regional_coordinator', 'school', 'navigator'], 404) },
      },
    ],
  },
  {
    route: 'GET /api/participants/{id}/personal-data',
    probes: [
      { label: 'own pupil', url: (w) => `/api/participants/${w.a.pupilId}/personal-data`, expect: { school: 200 } },
      { label: 'neighbour school’s pupil', url: (w) => `/api/participants/${w.a.neighbourPupilId}/personal-data`, expect: { school: 404 } },
      { label: 'other region’s pupil', url: (w) => `/api/participants/${w.b.pupilId}/personal-data`, expect: { school: 404 } },
    ],
  },
  guarded('GET /api/imports/template', ['school'], 200),
  guarded('POST /api/imports', ['school'], 415, undefined, () => ({})),
  guarded('GET /api/imports', ['school'], 200),
  guarded('GET /api/imports/{id}', ['school'], 404, () => `/api/imports/${randomId()}`),
  guarded('GET /api/imports/{id}/report', ['school'], 404, () => `/api/imports/${randomId()}/report`),
  guarded('POST /api/imports/{id}/confirm', ['school'], 404, () => `/api/imports/${randomId()}/confirm`),
  guarded('DELETE /api/imports/{id}', ['school'], 404, () => `/api/imports/${randomId()}`),

  // Diagnostics: the pupil takes tests; region A's pupil has one attempt finished and one open (never completable: q2 stays unanswered).
  guarded('GET /api/diagnostics/catalogue', ['participant'], 200),
  {
    route: 'POST /api/diagnostics/tests/{slug}/attempts',
    probes: [
      { label: 'own test, resumes the open attempt', url: (w) => `/api/diagnostics/tests/${w.diagnostics.slug}/attempts`, expect: { participant: 200 } },
      { label: 'unknown test', url: () => '/api/diagnostics/tests/no-such-test/attempts', expect: { participant: 404 } },
    ],
  },
  {
    route: 'GET /api/diagnostics/attempts/{attemptId}',
    probes: [
      { label: 'own attempt', url: (w) => `/api/diagnostics/attempts/${w.diagnostics.openAttemptId.a}`, expect: { participant: 200 } },
      { label: 'other pupil’s attempt', url: (w) => `/api/diagnostics/attempts/${w.diagnostics.openAttemptId.b}`, expect: { participant: 404 } },
    ],
  },
  {
    route: 'PUT /api/diagnostics/attempts/{attemptId}/answers/{itemId}',
    probes: [
      { label: 'own open attempt', url: (w) => `/api/diagnostics/attempts/${w.diagnostics.openAttemptId.a}/answers/q1`, body: () => ({ value: 3 }), expect: { participant: 200 } },
      { label: 'own finished attempt', url: (w) => `/api/diagnostics/attempts/${w.diagnostics.completedAttemptId.a}/answers/q1`, body: () => ({ value: 3 }), expect: { participant: 409 } },
      { label: 'other pupil’s attempt', url: (w) => `/api/diagnostics/attempts/${w.diagnostics.openAttemptId.b}/answers/q1`, body: () => ({ value: 3 }), expect: { participant: 404 } },
    ],
  },
  {
    route: 'POST /api/diagnostics/attempts/{attemptId}/complete',
    probes: [
      { label: 'own attempt, unanswered', url: (w) => `/api/diagnostics/attempts/${w.diagnostics.openAttemptId.a}/complete`, expect: { participant: 400 } },
      { label: 'own finished attempt', url: (w) => `/api/diagnostics/attempts/${w.diagnostics.completedAttemptId.a}/complete`, expect: { participant: 409 } },
      { label: 'other pupil’s attempt', url: (w) => `/api/diagnostics/attempts/${w.diagnostics.openAttemptId.b}/complete`, expect: { participant: 404 } },
    ],
  },
  {
    route: 'POST /api/diagnostics/attempts/{attemptId}/game',
    probes: [
      { label: 'own attempt of a test, not a game', url: (w) => `/api/diagnostics/attempts/${w.diagnostics.openAttemptId.a}/game`, body: () => ({ events: {} }), expect: { participant: 400 } },
      { label: 'other pupil’s attempt', url: (w) => `/api/diagnostics/attempts/${w.diagnostics.openAttemptId.b}/game`, body: () => ({ events: {} }), expect: { participant: 404 } },
    ],
  },
  pupilResultsEntry('GET /api/pupils/{pupilId}/diagnostics/results', '/diagnostics/results'),
  {
    route: 'GET /api/pupils/{pupilId}/diagnostics/results/{attemptId}',
    probes: [
      { label: 'own pupil', url: (w) => `/api/pupils/${w.a.pupilId}/diagnostics/results/${w.diagnostics.completedAttemptId.a}`, expect: { ...each(RESULT_READERS, 200), ...MENTOR_NOT_YET } },
      { label: 'own pupil, unfinished attempt', url: (w) => `/api/pupils/${w.a.pupilId}/diagnostics/results/${w.diagnostics.openAttemptId.a}`, expect: { ...each(RESULT_READERS, 404), ...MENTOR_NOT_YET } },
      { label: 'own pupil, other pupil’s attempt', url: (w) => `/api/pupils/${w.a.pupilId}/diagnostics/results/${w.diagnostics.completedAttemptId.b}`, expect: { ...each(RESULT_READERS, 404), ...MENTOR_NOT_YET } },
      { label: 'other region’s pupil', url: (w) => `/api/pupils/${w.b.pupilId}/diagnostics/results/${w.diagnostics.completedAttemptId.b}`, expect: { ...each(RESULT_READERS, 404), ...MENTOR_NOT_YET } },
    ],
  },
  pupilResultsEntry('GET /api/pupils/{pupilId}/footprint', '/footprint'),

  // Corrections of a pupil's data: the pupil or its parent asks, the pupil's school decides.
  {
    route: 'GET /api/pupils/{pupilId}/corrections',
    probes: [
      { label: 'own pupil', url: (w) => `/api/pupils/${w.a.pupilId}/corrections`, expect: each(FAMILY, 200) },
      { label: 'other region’s pupil', url: (w) => `/api/pupils/${w.b.pupilId}/corrections`, expect: each(FAMILY, 404) },
    ],
  },
  {
    route: 'POST /api/pupils/{pupilId}/corrections',
    probes: [
      { label: 'own pupil, empty body', url: (w) => `/api/pupils/${w.a.pupilId}/corrections`, body: () => ({}), expect: each(FAMILY, 400) },
      { label: 'other region’s pupil', url: (w) => `/api/pupils/${w.b.pupilId}/corrections`, body: () => ({ firstName: 'Иван' }), expect: each(FAMILY, 404) },
    ],
  },
  guarded('GET /api/staff/corrections', ['school'], 200),
  guarded('POST /api/staff/corrections/{id}/confirm', ['school'], 404, () => `/api/staff/corrections/${randomId()}/confirm`),
  guarded('POST /api/staff/corrections/{id}/refuse', ['school'], 404, () => `/api/staff/corrections/${randomId()}/refuse`, () => ({ reason: 'Нет подтверждающего документа' })),

  // Practical events for staff: region A's venue has a published trial (eventId) and a published lesson at region A's school (lessonId).
  {
    route: 'GET /api/staff/events',
    probes: [
      { label: 'other region’s lesson', url: () => '/api/staff/events?pageSize=100', expect: each(EVENT_READERS, 200), hidden: { id: (w) => w.b.lessonId, from: EVENT_READERS } },
      { label: 'other region’s trial', url: () => '/api/staff/events?pageSize=100', expect: each(EVENT_READERS, 200), hidden: { id: (w) => w.b.eventId, from: EVENT_READERS } },
      { label: 'a trial is no school’s business', url: () => '/api/staff/events?pageSize=100', expect: each(EVENT_READERS, 200), hidden: { id: (w) => w.a.eventId, from: ['school'] } },
    ],
  },
  guarded('GET /api/staff/events/form-options', ['venue'], 200),
  guarded('POST /api/staff/events', ['venue'], 400, undefined, () => ({})),
  {
    route: 'GET /api/staff/events/{eventId}',
    probes: [
      { label: 'own lesson', url: (w) => `/api/staff/events/${w.a.lessonId}`, expect: each(EVENT_READERS, 200) },
      { label: 'own trial', url: (w) => `/api/staff/events/${w.a.eventId}`, expect: { ...each(['regional_coordinator', 'venue', 'navigator', 'mentor'], 200), school: 404 } },
      { label: 'other region’s lesson', url: (w) => `/api/staff/events/${w.b.lessonId}`, expect: each(EVENT_READERS, 404) },
    ],
  },
  {
    route: 'PUT /api/staff/events/{eventId}',
    probes: [
      { label: 'own published lesson', url: (w) => `/api/staff/events/${w.a.lessonId}`, body: (w) => eventChange(w.a.schoolId, w.a.staffIds.mentor), expect: { venue: 409 } },
      { label: 'other region’s lesson', url: (w) => `/api/staff/events/${w.b.lessonId}`, body: (w) => eventChange(w.b.schoolId, w.b.staffIds.mentor), expect: { venue: 404 } },
    ],
  },
  eventStepEntry('submit', ['venue']),
  eventStepEntry('approve', ['regional_coordinator']),
  eventStepEntry('return', ['regional_coordinator'], { comment: 'Проверка доступа к согласованию' }),
  eventStepEntry('publish', ['venue']),
  {
    route: 'POST /api/staff/events/{eventId}/cancel',
    probes: [
      { label: 'own lesson, no reason', url: (w) => `/api/staff/events/${w.a.lessonId}/cancel`, body: () => ({}), expect: { venue: 400 } },
      { label: 'other region’s lesson', url: (w) => `/api/staff/events/${w.b.lessonId}/cancel`, body: () => ({ reason: 'Проверка доступа' }), expect: { venue: 404 } },
    ],
  },
  {
    route: 'POST /api/staff/events/{eventId}/move',
    probes: [
      { label: 'own lesson, no date', url: (w) => `/api/staff/events/${w.a.lessonId}/move`, body: () => ({}), expect: { venue: 400 } },
      {
        label: 'other region’s lesson',
        url: (w) => `/api/staff/events/${w.b.lessonId}/move`,
        body: () => ({ startsAt: new Date(Date.now() + 72 * 3600_000).toISOString(), reason: 'Проверка доступа' }),
        expect: { venue: 404 },
      },
    ],
  },
  ...(['POST', 'DELETE'] as const).map((method) => ({
    route: `${method} /api/staff/events/{eventId}/link`,
    probes: [
      { label: 'own trial, not a lesson', url: (w: World) => `/api/staff/events/${w.a.eventId}/link`, expect: { venue: 409 } },
      { label: 'other region’s lesson', url: (w: World) => `/api/staff/events/${w.b.lessonId}/link`, expect: { venue: 404 } },
    ],
  })),

  // The event's day: region A's event is run by region A's mentor at region A's venue; nobody else's staff reach it.
  {
    route: 'GET /api/staff/events/{eventId}/roster',
    probes: [
      { label: 'own venue’s event', url: (w) => `/api/staff/events/${w.a.eventId}/roster`, expect: each(['venue', 'mentor'], 200) },
      { label: 'other region’s event', url: (w) => `/api/staff/events/${w.b.eventId}/roster`, expect: each(['venue', 'mentor'], 404) },
    ],
  },
  {
    route: 'PUT /api/staff/events/{eventId}/attendance',
    probes: [
      { label: 'own event, no marks', url: (w) => `/api/staff/events/${w.a.eventId}/attendance`, body: () => ({ marks: [] }), expect: { mentor: 400 } },
      {
        label: 'other region’s event',
        url: (w) => `/api/staff/events/${w.b.eventId}/attendance`,
        body: (w) => ({ marks: [{ enrolmentId: w.b.enrolmentId, attendance: 'present' }] }),
        expect: { mentor: 404 },
      },
    ],
  },
  {
    route: 'PUT /api/staff/events/{eventId}/enrolments/{enrolmentId}/feedback',
    probes: [
      { label: 'own event, empty body', url: (w) => `/api/staff/events/${w.a.eventId}/enrolments/${w.a.enrolmentId}/feedback`, body: () => ({}), expect: { mentor: 400 } },
      { label: 'own event, pupil not marked yet', url: (w) => `/api/staff/events/${w.a.eventId}/enrolments/${w.a.enrolmentId}/feedback`, body: () => MENTOR_FEEDBACK, expect: { mentor: 422 } },
      { label: 'other region’s event', url: (w) => `/api/staff/events/${w.b.eventId}/enrolments/${w.b.enrolmentId}/feedback`, body: () => MENTOR_FEEDBACK, expect: { mentor: 404 } },
    ],
  },

  // Enrolment by families and navigators. Region A's pupil holds a confirmed place at region A's trial
  // (enrolmentId) and a cancelled one at the lesson (endedEnrolmentId). Probes that could book or end a
  // place use region A's objects only where the answer is a refusal or the existing place; anything that
  // would change state is aimed at region B, a stranger's child or an unknown id.
  {
    route: 'GET /api/enrol-links/{token}',
    probes: [
      { label: 'own school’s lesson link', url: (w) => `/api/enrol-links/${w.a.lessonToken}`, expect: { parent: 200 } },
      { label: 'forged link', url: () => `/api/enrol-links/${randomLinkToken()}`, expect: { parent: 404 } },
    ],
  },
  // The card before sign-in: the same answer for everyone, and nothing personal in it.
  {
    route: 'GET /api/enrol-links/{token}/summary',
    probes: [
      { label: 'a lesson link', url: (w) => `/api/enrol-links/${w.a.lessonToken}/summary`, expect: each(EVERYONE, 200) },
      { label: 'forged link', url: () => `/api/enrol-links/${randomLinkToken()}/summary`, expect: each(EVERYONE, 404) },
    ],
  },
  // No onRequest hook: the booking statement checks the session itself, so a valid body reaches it and
  // the refusals (anonymous 401, signed-in non-parent 403) come from inside the statement.
  {
    route: 'POST /api/enrol-links/{token}/enrolments',
    probes: [
      { label: 'forged link', url: () => `/api/enrol-links/${randomLinkToken()}/enrolments`, body: (w) => ({ childId: w.a.pupilId }), expect: { parent: 404 } },
      {
        label: 'own school’s link, another family’s child',
        url: (w) => `/api/enrol-links/${w.a.lessonToken}/enrolments`,
        body: (w) => ({ childId: w.b.pupilId }),
        expect: { parent: 404 },
      },
    ],
  },
  {
    route: 'GET /api/events/catalogue',
    probes: [
      { label: 'lessons are reached by link only', url: () => '/api/events/catalogue?pageSize=50', expect: each(FAMILY, 200), hidden: { id: (w) => w.a.lessonId, from: FAMILY } },
      { label: 'the pupil’s own region by default', url: () => '/api/events/catalogue?pageSize=50', expect: each(FAMILY, 200), hidden: { id: (w) => w.b.eventId, from: ['participant'] } },
    ],
  },
  {
    route: 'GET /api/events/{eventId}',
    probes: [
      { label: 'own trial', url: (w) => `/api/events/${w.a.eventId}`, expect: each(FAMILY, 200) },
      { label: 'other region’s published trial (the catalogue is open)', url: (w) => `/api/events/${w.b.eventId}`, expect: each(FAMILY, 200) },
      { label: 'own school’s lesson, not enrolled', url: (w) => `/api/events/${w.a.lessonId}`, expect: each(FAMILY, 404) },
      { label: 'other region’s lesson', url: (w) => `/api/events/${w.b.lessonId}`, expect: each(FAMILY, 404) },
      { label: 'unknown event', url: () => `/api/events/${randomId()}`, expect: each(FAMILY, 404) },
    ],
  },
  {
    route: 'POST /api/events/{eventId}/enrolments',
    probes: [
      // Already enrolled: the existing place comes back with 200 and nothing is booked.
      { label: 'own trial, already enrolled', url: (w) => `/api/events/${w.a.eventId}/enrolments`, body: (w) => ({ childId: w.a.pupilId }), expect: each(FAMILY, 200) },
      // A pupil always enrols itself (childId is ignored), so it gets its own existing place; the parent is refused.
      {
        label: 'own trial, another family’s child',
        url: (w) => `/api/events/${w.a.eventId}/enrolments`,
        body: (w) => ({ childId: w.b.pupilId }),
        expect: { participant: 200, parent: 404 },
      },
      { label: 'own school’s lesson', url: (w) => `/api/events/${w.a.lessonId}/enrolments`, body: (w) => ({ childId: w.a.pupilId }), expect: each(FAMILY, 404) },
      { label: 'unknown event', url: () => `/api/events/${randomId()}/enrolments`, body: (w) => ({ childId: w.a.pupilId }), expect: each(FAMILY, 404) },
    ],
  },
  answerEntry('approve'),
  answerEntry('decline'),
  {
    route: 'POST /api/enrolments/{enrolmentId}/cancel',
    probes: [
      { label: 'own enrolment, already cancelled', url: (w) => `/api/enrolments/${w.a.endedEnrolmentId}/cancel`, expect: each(ENROLMENT_VIEWERS, 409) },
      { label: 'other family’s enrolment', url: (w) => `/api/enrolments/${w.b.enrolmentId}/cancel`, expect: each(ENROLMENT_VIEWERS, 404) },
      { label: 'unknown enrolment', url: () => `/api/enrolments/${randomId()}/cancel`, expect: each(ENROLMENT_VIEWERS, 404) },
    ],
  },
  {
    route: 'POST /api/enrolments/{enrolmentId}/reconfirm',
    probes: [
      { label: 'own enrolment, time unchanged', url: (w) => `/api/enrolments/${w.a.enrolmentId}/reconfirm`, expect: each(FAMILY, 409) },
      { label: 'other family’s enrolment', url: (w) => `/api/enrolments/${w.b.enrolmentId}/reconfirm`, expect: each(FAMILY, 404) },
    ],
  },
  {
    route: 'GET /api/enrolments/{enrolmentId}/calendar.ics',
    probes: [
      { label: 'own enrolment', url: (w) => `/api/enrolments/${w.a.enrolmentId}/calendar.ics`, expect: each(ENROLMENT_VIEWERS, 200) },
      { label: 'own enrolment, cancelled', url: (w) => `/api/enrolments/${w.a.endedEnrolmentId}/calendar.ics`, expect: each(ENROLMENT_VIEWERS, 409) },
      { label: 'other family’s enrolment', url: (w) => `/api/enrolments/${w.b.enrolmentId}/calendar.ics`, expect: each(ENROLMENT_VIEWERS, 404) },
    ],
  },
  // The pupil, its parent and its navigator; the neighbour school's pupil is not the navigator's (404).
  pupilResultsEntry('GET /api/pupils/{pupilId}/events', '/events', {}),
  // Recommendations: the pupil, its parent and its navigator (with the consent in force); a mentor never, coordinators never.
  pupilResultsEntry('GET /api/pupils/{pupilId}/recommendations', '/recommendations', {}),
  guarded('GET /api/recommendations/me', ['participant'], 200),
  // An empty body proves the pupil got past authorization; nothing is saved.
  guarded('POST /api/recommendations/me/dismissals', ['participant'], 400, undefined, () => ({})),
  guarded('DELETE /api/recommendations/me/dismissals/{kind}/{itemId}', ['participant'], 404, () => `/api/recommendations/me/dismissals/event/${randomId()}`),
  {
    route: 'POST /api/staff/events/{eventId}/group-enrolments',
    probes: [
      // The navigator's pupil already holds a place: the outcome is 'already' and nothing is booked.
      { label: 'own region’s trial', url: (w) => `/api/staff/events/${w.a.eventId}/group-enrolments`, body: (w) => ({ participantIds: [w.a.pupilId] }), expect: { navigator: 200 } },
      // The school's lesson is the navigator's to fill; a stranger's pupil fails on its own line, not the request.
      {
        label: 'own school’s lesson, a pupil not assigned',
        url: (w) => `/api/staff/events/${w.a.lessonId}/group-enrolments`,
        body: (w) => ({ participantIds: [w.b.pupilId] }),
        expect: { navigator: 200 },
      },
      { label: 'other region’s trial', url: (w) => `/api/staff/events/${w.b.eventId}/group-enrolments`, body: (w) => ({ participantIds: [w.a.pupilId] }), expect: { navigator: 404 } },
      { label: 'other region’s lesson', url: (w) => `/api/staff/events/${w.b.lessonId}/group-enrolments`, body: (w) => ({ participantIds: [w.a.pupilId] }), expect: { navigator: 404 } },
    ],
  },

  // The individual study plan. Region A's pupil has no plan yet: its stage reads, versions and PDFs do not exist.
  guarded('GET /api/study-plan/me', ['participant'], 200),
  guarded('GET /api/study-plan/me/versions/{version}', ['participant'], 404, () => '/api/study-plan/me/versions/1'),
  guarded('PUT /api/study-plan/me/steps/{stepId}', ['participant'], 404, () => '/api/study-plan/me/steps/more-tests', () => ({ done: true })),
  guarded('GET /api/study-plan/me/pdf', ['participant'], 404),
  pupilResultsEntry('GET /api/pupils/{pupilId}/study-plan', '/study-plan', {}),
  {
    route: 'GET /api/pupils/{pupilId}/study-plan/versions/{version}',
    probes: [
      { label: 'own pupil, no such version', url: (w) => `/api/pupils/${w.a.pupilId}/study-plan/versions/1`, expect: each(RESULT_READERS, 404) },
      { label: 'other region’s pupil', url: (w) => `/api/pupils/${w.b.pupilId}/study-plan/versions/1`, expect: each(RESULT_READERS, 404) },
    ],
  },
  {
    route: 'GET /api/pupils/{pupilId}/study-plan/pdf',
    probes: [
      { label: 'own pupil, nothing published', url: (w) => `/api/pupils/${w.a.pupilId}/study-plan/pdf`, expect: each(RESULT_READERS, 404) },
      { label: 'other region’s pupil', url: (w) => `/api/pupils/${w.b.pupilId}/study-plan/pdf`, expect: each(RESULT_READERS, 404) },
    ],
  },
  guarded('GET /api/staff/study-plans', ['navigator'], 200),
  {
    route: 'POST /api/staff/study-plans/bulk',
    probes: [
      // Each pupil gets its own outcome: region A's pupil is not due, region B's is not the navigator's.
      { label: 'own and other region’s pupils', url: () => '/api/staff/study-plans/bulk', body: (w) => ({ action: 'draft', participantIds: [w.a.pupilId, w.b.pupilId] }), expect: { navigator: 200 } },
    ],
  },
  {
    route: 'GET /api/staff/study-plans/{pupilId}',
    probes: [
      { label: 'own pupil', url: (w) => `/api/staff/study-plans/${w.a.pupilId}`, expect: { navigator: 200 } },
      { label: 'neighbour school’s pupil', url: (w) => `/api/staff/study-plans/${w.a.neighbourPupilId}`, expect: { navigator: 404 } },
      { label: 'other region’s pupil', url: (w) => `/api/staff/study-plans/${w.b.pupilId}`, expect: { navigator: 404 } },
    ],
  },
  {
    route: 'PUT /api/staff/study-plans/{pupilId}/draft',
    probes: [
      { label: 'own pupil, empty body', url: (w) => `/api/staff/study-plans/${w.a.pupilId}/draft`, body: () => ({}), expect: { navigator: 400 } },
      { label: 'other region’s pupil', url: (w) => `/api/staff/study-plans/${w.b.pupilId}/draft`, body: () => EMPTY_PLAN, expect: { navigator: 404 } },
    ],
  },
  {
    route: 'POST /api/staff/study-plans/{pupilId}/publish',
    probes: [
      { label: 'own pupil, no draft', url: (w) => `/api/staff/study-plans/${w.a.pupilId}/publish`, body: () => ({}), expect: { navigator: 409 } },
      { label: 'other region’s pupil', url: (w) => `/api/staff/study-plans/${w.b.pupilId}/publish`, body: () => ({ content: EMPTY_PLAN }), expect: { navigator: 404 } },
    ],
  },

  // The methodologist's workbench.
  open('GET /api/diagnostics/definition-schema.json', 200),
  guarded('GET /api/diagnostics/definitions', ['methodologist'], 200),
  guarded('POST /api/diagnostics/definitions/validate', ['methodologist'], 422, undefined, () => BROKEN_DEFINITION),
  guarded('POST /api/diagnostics/definitions', ['methodologist'], 422, undefined, () => BROKEN_DEFINITION),
  {
    route: 'GET /api/diagnostics/definitions/{testId}',
    probes: [
      { label: 'a test', url: (w) => `/api/diagnostics/definitions/${w.diagnostics.testId}`, expect: { methodologist: 200 } },
      { label: 'unknown test', url: () => `/api/diagnostics/definitions/${UNKNOWN_TEST}`, expect: { methodologist: 404 } },
    ],
  },
  {
    route: 'POST /api/diagnostics/definitions/{testId}/versions/{versionId}/publish',
    probes: [
      {
        label: 'already published',
        url: (w) => `/api/diagnostics/definitions/${w.diagnostics.testId}/versions/${w.diagnostics.versionId}/publish`,
        expect: { methodologist: 409 },
      },
      { label: 'unknown test', url: (w) => `/api/diagnostics/definitions/${UNKNOWN_TEST}/versions/${w.diagnostics.versionId}/publish`, expect: { methodologist: 404 } },
    ],
  },
  {
    route: 'POST /api/diagnostics/definitions/{testId}/retire',
    probes: [
      { label: 'never published', url: (w) => `/api/diagnostics/definitions/${w.diagnostics.draftTestId}/retire`, expect: { methodologist: 409 } },
      { label: 'unknown test', url: () => `/api/diagnostics/definitions/${UNKNOWN_TEST}/retire`, expect: { methodologist: 404 } },
    ],
  },
  {
    route: 'POST /api/diagnostics/definitions/{testId}/restore',
    probes: [
      { label: 'never published', url: (w) => `/api/diagnostics/definitions/${w.diagnostics.draftTestId}/restore`, expect: { methodologist: 409 } },
      { label: 'unknown test', url: () => `/api/diagnostics/definitions/${UNKNOWN_TEST}/restore`, expect: { methodologist: 404 } },
    ],
  },
  {
    route: 'GET /api/diagnostics/definitions/{testId}/statistics',
    probes: [
      { label: 'a test', url: (w) => `/api/diagnostics/definitions/${w.diagnostics.testId}/statistics`, expect: { methodologist: 200 } },
      { label: 'unknown test', url: () => `/api/diagnostics/definitions/${UNKNOWN_TEST}/statistics`, expect: { methodologist: 404 } },
    ],
  },
  // Support requests: the form is open; a requester's own through the cabinet or the secret link; the desk by role and region.
  open('POST /api/support/requests', 400, undefined, () => ({})),
  guarded('GET /api/support/prefill', SIGNED_IN, 200),
  guarded('GET /api/support/my', SIGNED_IN, 200),
  guarded('POST /api/support/my/{id}/messages', SIGNED_IN, 404, () => `/api/support/my/${randomId()}/messages`, () => ({ text: 'Дополнение' })),
  guarded('GET /api/support/my/{id}/attachments/{attachmentId}', SIGNED_IN, 404, () => `/api/support/my/${randomId()}/attachments/${randomId()}`),
  open('GET /api/support/by-link/{token}', 404, () => `/api/support/by-link/${randomLinkToken()}`),
  open('POST /api/support/by-link/{token}/messages', 404, () => `/api/support/by-link/${randomLinkToken()}/messages`, () => ({ text: 'Дополнение' })),
  open('GET /api/support/by-link/{token}/attachments/{attachmentId}', 404, () => `/api/support/by-link/${randomLinkToken()}/attachments/${randomId()}`),
  guarded('GET /api/support/desk/queue', SUPPORT_DESK, 200),
  guarded('GET /api/support/desk/reference', SUPPORT_DESK, 200),
  guarded('GET /api/support/desk/figures', SUPPORT_DESK, 200),
  guarded('GET /api/support/desk/requests/{id}', SUPPORT_DESK, 404, () => `/api/support/desk/requests/${randomId()}`),
  guarded('GET /api/support/desk/requests/{id}/attachments/{attachmentId}', SUPPORT_DESK, 404, () => `/api/support/desk/requests/${randomId()}/attachments/${randomId()}`),
  guarded('POST /api/support/desk/requests/{id}/answers', SUPPORT_DESK, 404, () => `/api/support/desk/requests/${randomId()}/answers`, () => ({ text: 'Ответ' })),
  guarded('POST /api/support/desk/requests/{id}/notes', SUPPORT_DESK, 404, () => `/api/support/desk/requests/${randomId()}/notes`, () => ({ text: 'Заметка' })),
  guarded('POST /api/support/desk/requests/{id}/status', ['support_operator'], 404, () => `/api/support/desk/requests/${randomId()}/status`, () => ({ status: 'closed' })),
  guarded('POST /api/support/desk/requests/{id}/assignee', ['support_operator'], 404, () => `/api/support/desk/requests/${randomId()}/assignee`, () => ({ assigneeId: null })),
  guarded('POST /api/support/desk/requests/{id}/merge', ['support_operator'], 404, () => `/api/support/desk/requests/${randomId()}/merge`, () => ({ intoId: randomId() })),
  guarded('POST /api/support/desk/requests/{id}/intake', ['support_operator'], 404, () => `/api/support/desk/requests/${randomId()}/intake`, () => ({ decision: 'accept', reason: 'Проверка доступа' })),
  guarded('GET /api/support/desk/templates', SUPPORT_DESK, 200),
  guarded('POST /api/support/desk/templates', ['support_operator'], 400, undefined, () => ({})),
  guarded('PUT /api/support/desk/templates/{id}', ['support_operator'], 404, () => `/api/support/desk/templates/${randomId()}`, () => ({ title: 'Шаблон', body: 'Текст' })),
  guarded('DELETE /api/support/desk/templates/{id}', ['support_operator'], 404, () => `/api/support/desk/templates/${randomId()}`),
  {
    route: 'GET /api/audit/events',
    probes: [
      { label: 'own scope', url: () => '/api/audit/events', expect: each(AUDIT_REVIEWERS, 200) },
      {
        label: 'other region’s pupil',
        url: (w) => `/api/audit/events?person=${w.b.pupilId}`,
        expect: each(AUDIT_REVIEWERS, 200),
        hidden: { id: (w) => w.b.pupilId, from: ['regional_coordinator'] },
      },
    ],
  },
  guarded('GET /api/audit/export', AUDIT_REVIEWERS, 200, () => '/api/audit/export?format=csv'),
  guarded('GET /api/audit/alerts', AUDIT_REVIEWERS, 200),
  guarded('GET /api/pd-keys', ['issuer_admin'], 200),
  guarded('POST /api/pd-keys/rotations', ['issuer_admin'], 202),
];
