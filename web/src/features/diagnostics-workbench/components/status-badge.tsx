import { Badge } from '@mantine/core';
import type { TestStatus, VersionStatus } from '../api/workbench-api';
import { TEST_STATUS, VERSION_STATUS } from '../labels';

function StatusBadge({ label, color }: { label: string; color: string }) {
  return (
    <Badge variant="light" color={color} tt="none">
      {label}
    </Badge>
  );
}

export const TestStatusBadge = ({ status }: { status: TestStatus }) => <StatusBadge {...TEST_STATUS[status]} />;

export const VersionStatusBadge = ({ status }: { status: VersionStatus }) => <StatusBadge {...VERSION_STATUS[status]} />;
