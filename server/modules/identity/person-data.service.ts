import type { AppContext } from '@server/context.js';
import type { RepresentativeKind } from '@common/schemas/identity.js';
import { formatSnils } from '@common/validators.js';
import { accountData, consentsOf, correctionsOf, parentProfileData, participantProfileData, relativesOf } from './person-data.repository.js';

const fullName = (p: { last_name: string; first_name: string; middle_name?: string | null }) =>
  [p.last_name, p.first_name, p.middle_name].filter(Boolean).join(' ');

/** What identity holds about a person, sensitive fields decrypted: for the person's own archive (art. 14). */
export async function identityDataOf(ctx: AppContext, id: string) {
  const account = await accountData(ctx.db, id);
  if (!account) return null;
  const [pupil, parent, relatives, consents, corrections] = await Promise.all([
    account.role === 'participant' ? participantProfileData(ctx.db, id) : null,
    account.role === 'parent' ? parentProfileData(ctx.db, id) : null,
    relativesOf(ctx.db, id),
    consentsOf(ctx.db, id),
    correctionsOf(ctx.db, id),
  ]);
  return {
    account: {
      id: account.id,
      role: account.role,
      status: account.status,
      lastName: account.last_name,
      firstName: account.first_name,
      middleName: account.middle_name,
      birthDate: account.birth_date,
      email: account.email,
      phone: account.phone,
      registeredAt: new Date(account.created_at).toISOString(),
      emailConfirmedAt: account.email_verified_at ? new Date(account.email_verified_at).toISOString() : null,
    },
    participantProfile: pupil && {
      grade: pupil.grade,
      region: pupil.region_name,
      city: pupil.city_name,
      school: pupil.school_name ?? pupil.school_name_typed,
      snils: formatSnils(ctx.pd.decrypt(pupil.snils_enc)),
      documentType: pupil.document_type,
      documentNumber: pupil.document_number_enc ? ctx.pd.decrypt(pupil.document_number_enc) : null,
      hasOvz: pupil.has_ovz,
      ovzDetails: pupil.ovz_details_enc ? ctx.pd.decrypt(pupil.ovz_details_enc) : null,
    },
    parentProfile: parent && { snils: formatSnils(ctx.pd.decrypt(parent.snils_enc)), esiaEmail: parent.esia_email },
    familyLinks: relatives.map((r) => ({
      role: r.role,
      name: fullName(r),
      linkedAt: new Date(r.linked_at).toISOString(),
      representativeKind: r.representative_kind as RepresentativeKind,
    })),
    consents: consents.map((c) => ({
      kind: c.kind,
      textVersion: c.text_version,
      givenAt: new Date(c.given_at).toISOString(),
      withdrawnAt: c.withdrawn_at ? new Date(c.withdrawn_at).toISOString() : null,
      givenBy: `${c.parent_last_name} ${c.parent_first_name}`,
    })),
    corrections: corrections.map((c) => {
      const { schoolId, ...fields } = c.requested;
      return {
        requested: { ...fields, ...(schoolId ? { school: c.requested_school_name ?? schoolId } : {}) },
        status: c.status,
        askedAt: new Date(c.created_at).toISOString(),
        decidedAt: c.decided_at ? new Date(c.decided_at).toISOString() : null,
        refusalReason: c.refusal_reason,
      };
    }),
  };
}
