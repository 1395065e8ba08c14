import type { FederalDistrict } from '@common/kpi.js';

/**
 * The federal district of each region, by the region's code (server/seed/regions.data.ts), as the
 * presidential decrees on federal districts stand: the four regions admitted in 2022 belong to the
 * Southern district (decree of 19 January 2023). Migration 0012 fills existing databases with it.
 */
export const FEDERAL_DISTRICT_REGIONS: Record<FederalDistrict, readonly string[]> = {
  central: ['31', '32', '33', '36', '37', '40', '44', '46', '48', '50', '57', '62', '67', '68', '69', '71', '76', '77'],
  northwestern: ['10', '11', '29', '35', '39', '47', '51', '53', '60', '78', '83'],
  southern: ['01', '08', '23', '30', '34', '61', '80', '81', '82', '84', '85', '92'],
  north_caucasian: ['05', '06', '07', '09', '15', '20', '26'],
  volga: ['02', '12', '13', '16', '18', '21', '43', '52', '56', '58', '59', '63', '64', '73'],
  ural: ['45', '66', '72', '74', '86', '89'],
  siberian: ['04', '17', '19', '22', '24', '38', '42', '54', '55', '70'],
  far_eastern: ['03', '14', '25', '27', '28', '41', '49', '65', '75', '79', '87'],
};

export function federalDistrictOf(regionCode: string): FederalDistrict | null {
  for (const [district, codes] of Object.entries(FEDERAL_DISTRICT_REGIONS)) {
    if (codes.includes(regionCode)) return district as FederalDistrict;
  }
  return null;
}
