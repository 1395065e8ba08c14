import { Badge } from '@mantine/core';
import { ENROLMENT_STATUS_LABELS, type EnrolmentStatus } from '@common/events.js';

const COLORS: Record<EnrolmentStatus, string> = {
  held: 'orange',
  confirmed: 'green',
  waitlisted: 'bilet',
  cancelled: 'gray',
  declined: 'gray',
  expired: 'gray',
};

export function StatusBadge({ status }: { status: EnrolmentStatus }) {
  // Statuses are sentences: the badge keeps its case so «Ждёт согласия родителя» reads naturally.
  return (
    <Badge color={COLORS[status]} variant="light" tt="none" size="lg" style={{ whiteSpace: 'normal', height: 'auto' }}>
      {ENROLMENT_STATUS_LABELS[status]}
    </Badge>
  );
}
