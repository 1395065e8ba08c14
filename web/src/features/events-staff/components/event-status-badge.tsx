import { EVENT_STATUS_LABELS, type EventStatus } from '@common/events.js';
import { StatusBadge } from '@web/lib/components/status-badge';

/** Dark shades keep the label readable on its tint (AA); the colour only repeats what the words say. */
const COLORS: Record<EventStatus, string> = {
  draft: 'gray.8',
  submitted: 'orange.9',
  returned: 'red.9',
  approved: 'teal.9',
  published: 'green.9',
  cancelled: 'gray.7',
};

export function EventStatusBadge({ status }: { status: EventStatus }) {
  return <StatusBadge label={EVENT_STATUS_LABELS[status]} color={COLORS[status]} fw={600} />;
}
