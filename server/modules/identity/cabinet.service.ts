import type { AppContext } from '@server/context.js';
import { unauthorized, forbidden, notFound } from '@server/lib/errors.js';
import { maskSnils, ageOn, todayInMoscow } from '@common/validators.js';
import { missingParticipationSteps } from '@common/participation.js';
import { CONSENT_KINDS } from '@common/schemas/identity.js';
import type { Principal } from '@server/plugins/session.js';
import { findAccountById, findParentProfile } from './accounts.repository.js';
import { findParticipantCabinetBySession, listActiveConsentsFor, listChildrenOf } from './cabinet.repository.js';

/** The pupil's cabinet: profile with masked personal data and what is still missing, and by whom. */
export async function loadParticipantCabinet(ctx: AppContext, sessionHash: string | null) {
  if (!sessionHash) throw unauthorized();
  const row = await findParticipantCabinetBySession(ctx.database, sessionHash, ctx.config.sessionIdleMs);
  if (!row) throw unauthorized();
  if (row.role !== 'participant') throw forbidden();
  const facts = { emailVerified: row.email_verified, parentLinked: row.parents.length > 0, consentGiven: row.consent_given, tested: row.tested };
  return {
    account: {
      id: row.account_id,
      email: row.email,
      status: row.status,
      lastName: row.last_name,
      firstName: row.first_name,
      middleName: row.middle_name,
      birthDate: row.birth_date,
      phone: row.phone,
    },
    profile: {
      grade: row.grade,
      region: { id: row.region_id, name: row.region_name },
      city: { id: row.city_id, name: row.city_name },
      school: { id: row.school_id, name: row.school_name },
      snilsMasked: maskSnils(ctx.pd.decrypt(row.snils_enc)),
      documentType: row.document_type,
      hasOvz: row.has_ovz,
    },
    parents: row.parents.map((p) => ({ id: p.id, name: `${p.firstName} ${p.lastName.slice(0, 1)}.` })),
    status: facts,
    missing: missingParticipationSteps(facts),
    unreadNotifications: row.unread,
  };
}

/** The parent's cabinet: its ESIA data (masked), every linked child with status and consents. */
export async function loadParentCabinet(ctx: AppContext, principal: Principal) {
  const account = await findAccountById(ctx.db, principal.accountId);
  const profile = await findParentProfile(ctx.db, principal.accountId);
  if (!account || !profile) throw notFound();
  const children = await listChildrenOf(ctx.db, principal.accountId);
  const consentRows = await listActiveConsentsFor(ctx.db, children.map((c) => c.id));
  const today = todayInMoscow();
  return {
    account: {
      id: account.id,
      status: account.status,
      email: account.email,
      lastName: account.lastName,
      firstName: account.firstName,
      middleName: account.middleName,
      birthDate: account.birthDate,
      phone: account.phone,
      snilsMasked: maskSnils(ctx.pd.decrypt(profile.snilsEnc)),
    },
    children: children.map((c) => {
      const mine = consentRows.filter((r) => r.childId === c.id && r.parentId === principal.accountId);
      const consentGiven = consentRows.some((r) => r.childId === c.id && r.kind === 'pd_processing');
      const facts = { emailVerified: Boolean(c.emailVerifiedAt), parentLinked: true, consentGiven, tested: c.tested };
      const age = c.birthDate ? ageOn(c.birthDate, today) : null;
      return {
        id: c.id,
        lastName: c.lastName,
        firstName: c.firstName,
        middleName: c.middleName,
        birthDate: c.birthDate,
        age,
        email: c.email,
        grade: c.grade,
        region: c.regionName,
        city: c.cityName,
        school: c.schoolName,
        hasOvz: c.hasOvz,
        representativeKind: c.representativeKind,
        status: facts,
        missing: missingParticipationSteps(facts),
        consents: Object.fromEntries(
          CONSENT_KINDS.map((kind) => {
            const row = mine.find((r) => r.kind === kind);
            return [kind, row ? { textVersion: row.textVersion, givenAt: row.givenAt.toISOString() } : null];
          }),
        ),
      };
    }),
  };
}
