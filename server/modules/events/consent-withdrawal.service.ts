import type { AppContext } from '@server/context.js';
import type { Tx } from '@server/db/client.js';
import type { AfterCommit } from '@server/db/transaction.js';
import { recordAudit } from '../audit/index.js';
import type { ConsentLapse } from '../identity/index.js';
import { noticeInCabinets } from '../notifications/index.js';
import { activeStaffIds } from './events.repository.js';
import { upcomingLiveEnrolments } from './enrolment.repository.js';
import { notifyFamily } from './family-notice.js';
import { endEnrolment } from './waiting-list.service.js';

const END_REASON = 'consent_withdrawn';

/**
 * The parents withdrew consent to process the child's data: every enrolment in an event not yet
 * begun ends as a cancellation by the family does — its seat goes to the waiting list at once —
 * and the family and each event's venue are told. The venue hears which event lost a seat, never
 * whose. Runs inside the withdrawal's transaction (identity's onConsentLapsed, wired in app.ts).
 */
export async function cancelUpcomingOnConsentLapse(ctx: AppContext, tx: Tx, afterCommit: AfterCommit, lapse: ConsentLapse): Promise<void> {
  if (lapse.kind !== 'pd_processing') return;
  const rows = await upcomingLiveEnrolments(tx, lapse.childId);
  for (const row of rows) {
    await endEnrolment(ctx, tx, afterCommit, row, 'cancelled', END_REASON);
    await recordAudit(tx, lapse.actor, 'event.enrolment_cancelled', row.participant_id, { enrolmentId: row.id, eventId: row.event_id, reason: END_REASON });
    await notifyFamily(ctx, tx, afterCommit, row.participant_id, {
      kind: 'event.enrolment_cancelled',
      title: 'Запись на мероприятие отменена',
      body: `Запись на мероприятие «${row.title}» отменена, потому что согласие на обработку персональных данных ребёнка отозвано. Новое согласие запись не вернёт — записаться можно будет заново.`,
    });
    if (row.status !== 'waitlisted') {
      await noticeInCabinets(tx, await activeStaffIds(tx, { role: 'venue', venueId: row.venue_id }), {
        kind: 'event.enrolment_cancelled',
        title: 'Участник отменил запись',
        body: `На мероприятие «${row.title}» освободилось место: семья отозвала согласие на обработку данных. Место передано листу ожидания, если он есть.`,
        link: `/staff/events/${row.event_id}`,
      });
    }
  }
}
