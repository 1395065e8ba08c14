import { Badge } from '@mantine/core';
import { ORGANISATION_STATUS, STAFF_STATUS, type OrganisationStatus, type StaffStatus } from '../labels';

function StatusBadge({ label, color }: { label: string; color: string }) {
  return (
    <Badge variant="light" color={color} tt="none">
      {label}
    </Badge>
  );
}

export const StaffStatusBadge = ({ status }: { status: StaffStatus }) => <StatusBadge {...STAFF_STATUS[status]} />;

export const OrganisationStatusBadge = ({ status }: { status: OrganisationStatus }) => <StatusBadge {...ORGANISATION_STATUS[status]} />;
