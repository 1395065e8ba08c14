import type { AppContext } from '@server/context.js';
import type { Tx } from '@server/db/client.js';
import type { AfterCommit } from '@server/db/transaction.js';
import { parentsOfChild } from '../identity/index.js';
import { notifyAccounts } from '../notifications/index.js';

/**
 * Tells the pupil («ты») and every linked parent («вы») that the navigator published the plan,
 * in the cabinet and by e-mail, each with the link to its own cabinet.
 */
export async function notifyPlanPublished(ctx: AppContext, tx: Tx, afterCommit: AfterCommit, participantId: string, version: number): Promise<void> {
  const first = version === 1;
  const parents = await parentsOfChild(tx, participantId);
  await notifyAccounts(ctx, tx, afterCommit, [
    {
      accountId: participantId,
      input: {
        kind: 'study_plan_published',
        title: first ? 'Твой индивидуальный план готов' : 'Навигатор обновил твой план',
        body: first
          ? 'Навигатор подготовил твой план: сильные стороны, интересы, пробы и цели на четверть. Открой раздел «Мой план» — там можно отмечать выполненные шаги и скачать план в PDF.'
          : 'В твоём плане появились изменения. Открой раздел «Мой план», чтобы посмотреть новую версию; отмеченные шаги сохранились.',
        link: '/participant/plan',
      },
    },
    ...parents.map((parent) => ({
      accountId: parent.id,
      input: {
        kind: 'study_plan_published',
        title: first ? 'Навигатор подготовил план вашего ребёнка' : 'Навигатор обновил план вашего ребёнка',
        body: 'Индивидуальный план с сильными сторонами, интересами, пробами и целями на четверть ждёт вас в личном кабинете. Там же его можно скачать в PDF.',
        link: '/parent',
      },
    })),
  ]);
}
