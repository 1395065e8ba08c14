import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RETENTION, RETENTION_CLASSES } from '@common/data-rights.js';
import { DATA_RIGHTS_SCHEDULES } from './data-rights.schedule.js';
import { retentionJobName } from './retention.service.js';

describe('the retention table', () => {
  it('is stated in docs/retention.md class by class, with the period the jobs read', () => {
    const doc = fs.readFileSync(new URL('../../../docs/retention.md', import.meta.url), 'utf8');
    for (const dataClass of RETENTION_CLASSES) {
      const row = doc.split('\n').find((line) => line.includes(`\`${retentionJobName(dataClass)}\``));
      expect(row, dataClass).toBeDefined();
      const { days } = RETENTION[dataClass];
      if (days > 0) expect(row).toMatch(days % 365 === 0 ? `${days / 365} year` : `${days} day`);
    }
  });

  it('gives every class a daily job of its own', () => {
    for (const dataClass of RETENTION_CLASSES) {
      expect(DATA_RIGHTS_SCHEDULES.find((s) => s.name === retentionJobName(dataClass))?.cron).toMatch(/^\d+ 0 \* \* \*$/);
    }
  });
});
