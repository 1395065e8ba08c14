import { StatusBadge } from '@web/lib/components/status-badge';
import type { TestStatus, VersionStatus } from '../api/workbench-api';
import { TEST_STATUS, VERSION_STATUS } from '../labels';

export const TestStatusBadge = ({ status }: { status: TestStatus }) => <StatusBadge {...TEST_STATUS[status]} />;

export const VersionStatusBadge = ({ status }: { status: VersionStatus }) => <StatusBadge {...VERSION_STATUS[status]} />;
