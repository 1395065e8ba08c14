import { RETENTION_CLASSES } from '@common/data-rights.js';
import { ERASURE_JOB } from './erasure.service.js';
import { retentionJobName } from './retention.service.js';

/**
 * Each retention class has its own daily job, a few minutes apart from 03:00 Moscow time (00:00
 * UTC), when the platform is quietest; due erasures are looked for every hour.
 */
export const DATA_RIGHTS_SCHEDULES: ReadonlyArray<{ name: string; cron: string }> = [
  { name: ERASURE_JOB, cron: '17 * * * *' },
  ...RETENTION_CLASSES.map((dataClass, i) => ({ name: retentionJobName(dataClass), cron: `${5 * i} 0 * * *` })),
];
