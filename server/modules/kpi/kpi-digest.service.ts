import type { FastifyBaseLogger } from 'fastify';
import type { KpiDashboard, KpiDashboardQuery } from '@common/schemas/kpi.js';
import type { AppContext } from '@server/context.js';
import { inTransaction } from '@server/db/transaction.js';
import { composeDigest } from './digest/kpi-digest.js';
import type { KpiCaller } from './kpi.policy.js';
import { dashboardFor, listDigestScopes, plusDays } from './kpi.service.js';

/**
 * The job reads each scope as the issuer would: the scope rows name only a coordinator's own region
 * and a school's own self, so every recipient gets figures it may see on its own page.
 */
const PROGRAMME: KpiCaller = { role: 'issuer_admin', accountId: '00000000-0000-0000-0000-000000000000', regionId: null, schoolId: null, venueId: null };

/** The scope's figures now and as they stood a week ago, in the same season; the digest shows no drill-down tables. */
async function dashboardsOf(ctx: AppContext, scope: Pick<KpiDashboardQuery, 'level' | 'id'>): Promise<[KpiDashboard, KpiDashboard]> {
  const current = await dashboardFor(ctx, PROGRAMME, scope, { figuresOnly: true });
  const to = plusDays(current.period.to, -7);
  // In the season's first week there is no week before: the digest then shows no change.
  if (to < current.period.from) return [current, current];
  const previous = await dashboardFor(ctx, PROGRAMME, { ...scope, season: current.season.id, from: current.period.from, to }, { figuresOnly: true });
  return [current, previous];
}

/** The weekly digest to each coordinator and each school: its figures and what changed. One scope failing does not stop the others. */
export async function sendWeeklyDigests(ctx: AppContext, log: FastifyBaseLogger): Promise<{ scopes: number; mails: number }> {
  let scopes = 0;
  let mails = 0;
  for (const scope of await listDigestScopes(ctx)) {
    try {
      const [current, previous] = await dashboardsOf(ctx, { level: scope.level, id: scope.id });
      const content = composeDigest(current, previous, { baseUrl: ctx.config.publicUrl });
      await inTransaction(ctx.db, (tx, afterCommit) => ctx.mail.queueMany(tx, afterCommit, scope.emails.map((to) => ({ to, content }))));
      scopes += 1;
      mails += scope.emails.length;
    } catch (err) {
      log.error({ err, level: scope.level, scope: scope.id }, 'KPI digest not sent');
    }
  }
  return { scopes, mails };
}
