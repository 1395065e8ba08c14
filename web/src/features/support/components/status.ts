import type { SupportStatus } from '@common/support/requests.js';

const COLORS: Record<SupportStatus, string> = {
  new: 'blue',
  in_progress: 'indigo',
  waiting_requester: 'yellow',
  escalated: 'grape',
  answered: 'green',
  closed: 'gray',
  no_answer: 'gray',
};

export const statusColor = (status: SupportStatus) => COLORS[status];
