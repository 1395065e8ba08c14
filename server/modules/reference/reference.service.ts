import type { Executor } from '@server/db/client.js';
import * as repository from './reference.repository.js';

/** Whether a city or a school lies in the region a form names; other modules check their input here. */
export function cityInRegion(executor: Executor, cityId: number, regionId: number): Promise<boolean> {
  return repository.cityInRegion(executor, cityId, regionId);
}

export function schoolInRegion(executor: Executor, schoolId: string, regionId: number): Promise<boolean> {
  return repository.schoolInRegion(executor, schoolId, regionId);
}
