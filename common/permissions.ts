import { ROLES, STAFF_ROLES, type Role } from './roles.js';

/**
 * What each role may do, checked on every route before anything else. Which objects it may do it
 * to is the policies' and scoped queries' job: a role that holds a permission still sees only its
 * own region, school or venue.
 */
export const PERMISSIONS = {
  'regions.read': ['issuer_admin', 'regional_coordinator'],
  'regions.update': ['issuer_admin', 'regional_coordinator'],
  'cities.manage': ['issuer_admin', 'regional_coordinator'],
  'organisations.read': ['issuer_admin', 'regional_coordinator', 'school', 'venue', 'navigator', 'mentor'],
  'organisations.register': ['regional_coordinator'],
  'organisations.update': ['regional_coordinator', 'school', 'venue'],
  'organisations.suspend': ['regional_coordinator'],
  /** The operator's instruction (поручение): the organisation's staff read where it stands, its administrator accepts it. */
  'organisations.instruction': ['school', 'venue', 'navigator', 'mentor'],
  'organisations.instruction_accept': ['school', 'venue'],
  /** Dashboards of KPIs: each level its own scope and what lies under it. */
  'kpi.read': ['issuer_admin', 'regional_coordinator', 'school', 'venue', 'navigator', 'mentor'],
  /** Targets: the issuer sets regions', the coordinator schools' and venues', the school its navigators' (TARGET_SETTER). */
  'kpi.targets': ['issuer_admin', 'regional_coordinator', 'school'],
  'staff.read': ['issuer_admin', 'regional_coordinator', 'school', 'venue'],
  'staff.invite': ['issuer_admin', 'school', 'venue'],
  'staff.update': ['venue'],
  'staff.remove': ['issuer_admin', 'regional_coordinator', 'school', 'venue'],
  'profile.self': STAFF_ROLES,
  'participants.read': ['issuer_admin', 'regional_coordinator', 'school', 'navigator'],
  'participants.register': ['school'],
  'participants.personal_data': ['school'],
  'participants.assign': ['school'],
  'imports.manage': ['school'],
  /** A pupil or parent asks to correct the pupil's surname, name, date of birth or school; the pupil's school decides. */
  'corrections.request': ['participant', 'parent'],
  'corrections.decide': ['school'],
  'paper_consents.upload': ['school'],
  'paper_consents.read': ['school', 'regional_coordinator', 'parent'],
  'places.read': ['issuer_admin', 'regional_coordinator', 'venue', 'mentor'],
  'places.manage': ['venue'],
  'diagnostics.take': ['participant'],
  'diagnostics.results': ['participant', 'parent', 'navigator', 'mentor'],
  'diagnostics.author': ['methodologist'],
  'reference.manage': ['issuer_admin'],
  'events.read': ['regional_coordinator', 'school', 'venue', 'navigator', 'mentor'],
  'events.manage': ['venue'],
  'events.review': ['regional_coordinator'],
  'events.roster': ['venue', 'mentor'],
  'events.run': ['mentor'],
  'events.group_enrol': ['navigator'],
  'events.enrol': ['participant', 'parent'],
  'events.pupil': ['participant', 'parent', 'navigator'],
  'recommendations.read': ['participant', 'parent', 'navigator'],
  'recommendations.dismiss': ['participant'],
  'study_plans.own': ['participant'],
  'study_plans.read': ['participant', 'parent', 'navigator'],
  'study_plans.manage': ['navigator'],
  /** The coordinator keeps its region's opportunities, the issuer the federal ones. */
  'opportunities.manage': ['issuer_admin', 'regional_coordinator'],
  /** A published opportunity's card is for anyone signed in: families open it from recommendations and plans. */
  'opportunities.card': ROLES,
  /** Everyone signed in sees its own support requests. */
  'support.own': ROLES,
  /** The desk: the issuer's operators run it, the issuer's administrators read it, coordinators are the second line for their region. */
  'support.desk': ['support_operator', 'issuer_admin', 'regional_coordinator'],
  /** Running the queue (assigning, statuses, merging, overriding intake decisions, templates) is the issuer's operators' alone. */
  'support.manage': ['support_operator'],
  /** Everyone downloads all data held about itself; a parent also its linked children's (art. 14 of 152-FZ). */
  'data_rights.own': ROLES,
  /** A parent asks to erase a linked child's account, a pupil of SELF_ERASURE_AGE its own (art. 21). */
  'data_rights.erase': ['participant', 'parent'],
  /** The retention table and the runs of its jobs. */
  'data_rights.retention': ['issuer_admin'],
  /** The support operators write the help centre; the issuer reads its drafts and history. */
  'help.read_drafts': ['support_operator', 'issuer_admin'],
  'help.edit': ['support_operator'],
  /** A region's operator contacts: its coordinator keeps them, support fixes any region's. */
  'help.contacts': ['regional_coordinator', 'support_operator'],
  /** The audit log's review: the issuer reads all of it, a coordinator what concerns its region. */
  'audit.review': ['issuer_admin', 'regional_coordinator'],
  /** The personal-data master keys: their use and the rotation job. */
  'pd_keys.manage': ['issuer_admin'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

/**
 * Permissions that reach pupils' personal data (lists, rosters, results, plans). School and venue
 * staff hold them only once their organisation has accepted the current operator's instruction
 * (PROCESSING_INSTRUCTION); the issuer's and the coordinators' own work is the operator's and needs none.
 */
export const PUPIL_DATA_PERMISSIONS: readonly Permission[] = [
  'participants.read',
  'participants.register',
  'participants.personal_data',
  'participants.assign',
  'corrections.decide',
  'imports.manage',
  'paper_consents.upload',
  'paper_consents.read',
  'diagnostics.results',
  'events.roster',
  'events.run',
  'events.group_enrol',
  'events.pupil',
  'recommendations.read',
  'study_plans.read',
  'study_plans.manage',
];


/** Who may invite whom: the issuer appoints coordinators, organisations their own staff. */
export const INVITABLE_ROLES: Partial<Record<Role, readonly Role[]>> = {
  issuer_admin: ['regional_coordinator', 'methodologist', 'support_operator', 'issuer_admin'],
  school: ['navigator', 'school'],
  venue: ['mentor', 'venue'],
};

/** Whose access a role may close and whose invitation it may resend (never its own). */
export const MANAGED_ROLES: Partial<Record<Role, readonly Role[]>> = {
  issuer_admin: ['regional_coordinator', 'methodologist', 'support_operator', 'issuer_admin'],
  regional_coordinator: ['school', 'venue', 'navigator', 'mentor'],
  school: ['school', 'navigator'],
  venue: ['venue', 'mentor'],
};

/** Roles that must sign in with a second factor; the rest may turn it on. */
export const SECOND_FACTOR_REQUIRED: readonly Role[] = ['issuer_admin', 'regional_coordinator'];
