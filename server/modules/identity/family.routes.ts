import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  childParamsSchema,
  createChildSchema,
  emailBodySchema,
  giveConsentSchema,
  idParamsSchema,
  parentProfileUpdateSchema,
  participantProfileUpdateSchema,
  representativeKindBodySchema,
  CONSENT_KINDS,
} from '@common/schemas/identity.js';
import { tokenSchema, idSchema } from '@common/schemas/fields.js';
import { CONSENT_TEXTS } from '@common/consents.js';
import { actorOf } from '@server/plugins/request-actor.js';
import { mailingRateLimit } from '@server/plugins/rate-limits.js';
import { sessionHashFrom } from '@server/plugins/session.js';
import { loadParentCabinet, loadParticipantCabinet } from './cabinet.service.js';
import { giveConsent, withdrawConsent } from './consents.service.js';
import {
  acceptParentInvitation,
  describeInvitation,
  listInvitations,
  renewExpiredInvitation,
  resendInvitation,
  revokeInvitation,
  sendInvitation,
  setRepresentativeKind,
} from './family.service.js';
import { confirmParent } from './parent.service.js';
import {
  updateParticipantPersonalData,
  viewParentPersonalData,
  viewParticipantPersonalData,
} from './personal-data.service.js';
import { createChildByParent } from './registration.service.js';

const tokenParams = z.strictObject({ token: tokenSchema });
const consentParams = z.strictObject({ childId: idSchema, kind: z.enum(CONSENT_KINDS, { error: 'Неизвестный вид согласия' }) });

export const familyRoutes: FastifyPluginAsyncZod = async (app) => {
  const inviteLimit = mailingRateLimit(app);
  const participant = app.authenticate(['participant']);
  const parent = app.authenticate(['parent']);
  const family = app.authenticate(['participant', 'parent']);

  // Participant cabinet: validates the session itself, in the same statement as the data.
  app.get('/participant/cabinet', { schema: { tags: ['participant'], summary: "The pupil's cabinet" } }, async (request) =>
    loadParticipantCabinet(app.ctx, sessionHashFrom(request)),
  );

  app.get(
    '/participant/personal-data',
    { onRequest: participant, schema: { tags: ['participant'], summary: 'Own SNILS, document and ОВЗ details, unmasked (audited)' } },
    async (request) => viewParticipantPersonalData(app.ctx, request.principal!, request.principal!.accountId, actorOf(request)),
  );

  app.patch(
    '/participant/personal-data',
    { onRequest: participant, schema: { tags: ['participant'], summary: 'Change own phone, document and ОВЗ details', body: participantProfileUpdateSchema } },
    async (request) => {
      await updateParticipantPersonalData(app.ctx, request.principal!, request.principal!.accountId, request.body, actorOf(request));
      return { ok: true };
    },
  );

  app.post(
    '/participant/invitations',
    { config: inviteLimit, onRequest: participant, schema: { tags: ['participant'], summary: 'Invite a parent by e-mail', body: emailBodySchema } },
    async (request, reply) =>
      reply.status(201).send(await sendInvitation(app.ctx, request.principal!.accountId, 'parent', request.body.email, actorOf(request))),
  );

  app.get('/invitations', { onRequest: family, schema: { tags: ['invitations'], summary: 'Invitations the caller sent' } }, async (request) => ({
    invitations: await listInvitations(app.ctx, request.principal!.accountId),
  }));

  app.post(
    '/invitations/:id/resend',
    { config: inviteLimit, onRequest: family, schema: { tags: ['invitations'], summary: 'Send an invitation again with a new link', params: idParamsSchema } },
    async (request) => resendInvitation(app.ctx, request.principal!.accountId, request.params.id, actorOf(request)),
  );

  app.post(
    '/invitations/:id/revoke',
    { onRequest: family, schema: { tags: ['invitations'], summary: 'Revoke a pending invitation', params: idParamsSchema } },
    async (request) => revokeInvitation(app.ctx, request.principal!.accountId, request.params.id, actorOf(request)),
  );

  app.get(
    '/invitations/by-token/:token',
    { schema: { tags: ['invitations'], summary: 'What an invitation link is (public)', params: tokenParams } },
    async (request) => describeInvitation(app.ctx, request.params.token),
  );

  app.post(
    '/invitations/by-token/:token/renew',
    { config: inviteLimit, schema: { tags: ['invitations'], summary: 'Ask for a fresh link when this one expired', params: tokenParams } },
    async (request) => {
      await renewExpiredInvitation(app.ctx, request.params.token, actorOf(request));
      return { ok: true };
    },
  );

  app.post(
    '/invitations/by-token/:token/accept',
    {
      onRequest: parent,
      schema: {
        tags: ['invitations'],
        summary: "A parent accepts a child's invitation, saying who it is to the child (a parent unless told otherwise)",
        params: tokenParams,
        // Without a body the adult is a parent, which it may change in its cabinet.
        body: representativeKindBodySchema.nullish(),
      },
    },
    async (request) =>
      acceptParentInvitation(app.ctx, request.principal!.accountId, request.params.token, actorOf(request), request.body?.representativeKind ?? 'parent'),
  );

  app.get('/parent/cabinet', { onRequest: parent, schema: { tags: ['parent'], summary: "The parent's cabinet" } }, async (request) =>
    loadParentCabinet(app.ctx, request.principal!),
  );

  app.post(
    '/parent/confirm',
    { onRequest: parent, schema: { tags: ['parent'], summary: 'Confirm the data and e-mail received from ESIA', body: parentProfileUpdateSchema.partial() } },
    async (request) => {
      await confirmParent(app.ctx, request.principal!.accountId, request.body.phone, actorOf(request));
      return { ok: true };
    },
  );

  app.get(
    '/parent/personal-data',
    { onRequest: parent, schema: { tags: ['parent'], summary: 'Own SNILS, unmasked (audited)' } },
    async (request) => viewParentPersonalData(app.ctx, request.principal!.accountId, actorOf(request)),
  );

  app.post(
    '/parent/invitations',
    { config: inviteLimit, onRequest: parent, schema: { tags: ['parent'], summary: 'Invite a child by e-mail', body: emailBodySchema } },
    async (request, reply) =>
      reply.status(201).send(await sendInvitation(app.ctx, request.principal!.accountId, 'child', request.body.email, actorOf(request))),
  );

  app.post(
    '/parent/children',
    { config: inviteLimit, onRequest: parent, schema: { tags: ['parent'], summary: 'Create the account of a child under 14', body: createChildSchema } },
    async (request, reply) => reply.status(201).send(await createChildByParent(app.ctx, request.principal!.accountId, request.body, actorOf(request))),
  );

  app.get(
    '/parent/children/:childId/personal-data',
    { onRequest: parent, schema: { tags: ['parent'], summary: "A linked child's personal data, unmasked (audited)", params: childParamsSchema } },
    async (request) => viewParticipantPersonalData(app.ctx, request.principal!, request.params.childId, actorOf(request)),
  );

  app.patch(
    '/parent/children/:childId/personal-data',
    {
      onRequest: parent,
      schema: { tags: ['parent'], summary: "Change a linked child's document and ОВЗ details", params: childParamsSchema, body: participantProfileUpdateSchema },
    },
    async (request) => {
      await updateParticipantPersonalData(app.ctx, request.principal!, request.params.childId, request.body, actorOf(request));
      return { ok: true };
    },
  );

  app.get('/consents/texts', { schema: { tags: ['consents'], summary: 'Current consent texts and their versions' } }, async () => ({
    texts: Object.values(CONSENT_TEXTS),
  }));

  app.post(
    '/parent/children/:childId/consents',
    { onRequest: parent, schema: { tags: ['consents'], summary: 'Give a consent for a linked child', params: childParamsSchema, body: giveConsentSchema } },
    async (request, reply) =>
      reply
        .status(201)
        .send(await giveConsent(app.ctx, request.principal!.accountId, request.params.childId, request.body.kind, request.body.textVersion, actorOf(request))),
  );

  app.put(
    '/parent/children/:childId/representative-kind',
    {
      onRequest: parent,
      schema: { tags: ['parent'], summary: 'State who the parent is to the child: parent, guardian or trustee', params: childParamsSchema, body: representativeKindBodySchema },
    },
    async (request) => {
      await setRepresentativeKind(app.ctx, request.principal!.accountId, request.params.childId, request.body.representativeKind, actorOf(request));
      return { ok: true };
    },
  );

  app.post(
    '/parent/children/:childId/consents/:kind/withdraw',
    { onRequest: parent, schema: { tags: ['consents'], summary: 'Withdraw a consent; takes effect at once', params: consentParams } },
    async (request) => {
      await withdrawConsent(app.ctx, request.principal!.accountId, request.params.childId, request.params.kind, actorOf(request));
      return { ok: true };
    },
  );
};
