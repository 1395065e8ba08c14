import { StatusBadge } from '@web/lib/components/status-badge';
import { ORGANISATION_STATUS, STAFF_STATUS, type OrganisationStatus, type StaffStatus } from '../labels';

export const StaffStatusBadge = ({ status }: { status: StaffStatus }) => <StatusBadge {...STAFF_STATUS[status]} />;

export const OrganisationStatusBadge = ({ status }: { status: OrganisationStatus }) => <StatusBadge {...ORGANISATION_STATUS[status]} />;
