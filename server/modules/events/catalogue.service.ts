import type { AppContext } from '@server/context.js';
import type { Principal } from '@server/plugins/session.js';
import { toEventCard } from './event-cards.repository.js';
import { catalogue, pupilHome, type CatalogueFilter } from './enrolment.repository.js';

type CatalogueQuery = Omit<CatalogueFilter, 'regionId' | 'cityId' | 'ovz' | 'withSeats'> & {
  regionId?: number | undefined;
  cityId?: number | undefined;
  anyCity?: string | undefined;
  ovz?: string | undefined;
  withSeats?: string | undefined;
};

/** The pupil's catalogue: its region and city unless it chose others; the defaults are echoed for the filters. */
export async function browseCatalogue(ctx: AppContext, principal: Principal, query: CatalogueQuery) {
  const home = principal.role === 'participant' ? await pupilHome(ctx.db, principal.accountId) : null;
  const regionId = query.regionId ?? home?.region_id ?? null;
  const homeRegion = query.regionId === undefined || query.regionId === home?.region_id;
  const cityId = query.anyCity ? null : (query.cityId ?? (homeRegion ? home?.city_id ?? null : null));
  const { rows, total } = await catalogue(ctx.db, { ...query, regionId, cityId, ovz: query.ovz === 'true', withSeats: query.withSeats === 'true' });
  return { items: rows.map(toEventCard), total, page: query.page, pageSize: query.pageSize, defaults: { regionId: home?.region_id ?? null, cityId: home?.city_id ?? null } };
}
