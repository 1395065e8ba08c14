import { Badge } from '@mantine/core';
import { ORGANISATION_STATUS, STAFF_STATUS, type OrganisationStatus, type StaffStatus } from '../labels';

export function StaffStatusBadge({ status }: { status: StaffStatus }) {
  const { label, color } = STAFF_STATUS[status];
  return (
    <Badge variant="light" color={color} tt="none">
      {label}
    </Badge>
  );
}

export function OrganisationStatusBadge({ status }: { status: OrganisationStatus }) {
  const { label, color } = ORGANISATION_STATUS[status];
  return (
    <Badge variant="light" color={color} tt="none">
      {label}
    </Badge>
  );
}
