import type { AppContext } from '@server/context.js';
import { loadParentCabinet, loadParticipantCabinet } from '@server/modules/identity/index.js';
import type { Principal } from '@server/plugins/session.js';
import type { HelpBotInput } from '@common/schemas/help.js';
import { GOOD_COVERAGE, audienceOfRole, composeAnswer, type BotAnswer, type CabinetFact } from './bot.js';
import { findRegionIdByName } from './help.repository.js';
import { searchArticles } from './help.service.js';

export interface Asker {
  principal: Principal | null;
  sessionHash: string | null;
}

/** The open steps of the asker's cabinet, read through the identity module; staff and visitors have none. */
async function cabinetFacts(ctx: AppContext, asker: Asker): Promise<CabinetFact[]> {
  const { principal } = asker;
  if (principal?.role === 'participant') {
    const cabinet = await loadParticipantCabinet(ctx, asker.sessionHash);
    return cabinet.missing.map((step) => ({ kind: 'pupil_step' as const, step }));
  }
  if (principal?.role === 'parent') {
    const cabinet = await loadParentCabinet(ctx, principal);
    if (cabinet.children.length === 0) return [{ kind: 'parent_no_child' }];
    return cabinet.children.flatMap((child) =>
      child.missing.filter((step) => step.step !== 'linked').map((step) => ({ kind: 'child_step' as const, childName: child.firstName, step })),
    );
  }
  return [];
}

/** The chat bot's answer: the help centre's best articles for the question, and what the asker's cabinet still needs. */
export async function answerQuestion(ctx: AppContext, asker: Asker, input: HelpBotInput): Promise<BotAnswer> {
  const [found, facts] = await Promise.all([searchArticles(ctx, input.message, { limit: 4 }), cabinetFacts(ctx, asker)]);
  // Every audience is searched (a parent may ask what a pupil does), the asker's own articles first.
  const own = audienceOfRole(asker.principal?.role ?? null);
  const mine = (audience: string) => (audience === own || audience === 'everyone' ? 0 : 1);
  const hits = [...found].sort((a, b) => Number(b.coverage >= GOOD_COVERAGE) - Number(a.coverage >= GOOD_COVERAGE) || mine(a.audience) - mine(b.audience));
  return composeAnswer({ message: input.message, hits, facts, firstMessage: !input.history?.some((m) => m.author === 'person') });
}

/** The region whose operator contacts the asker sees: a pupil's, a parent's first child's, a staff member's own. */
export async function regionOfAsker(ctx: AppContext, asker: Asker): Promise<number | null> {
  const { principal } = asker;
  if (!principal) return null;
  if (principal.role === 'participant') return (await loadParticipantCabinet(ctx, asker.sessionHash)).profile.region.id;
  if (principal.role === 'parent') {
    const region = (await loadParentCabinet(ctx, principal)).children[0]?.region;
    return region ? findRegionIdByName(ctx.db, region) : null;
  }
  return principal.regionId;
}
