/** How often the figures are brought up to date; the dashboard states it. The refresh job's cron runs every minute. */
export const KPI_REFRESH_SECONDS = 60;

/** The weekly digest to coordinators and schools: Mondays at 07:00 Moscow time (04:00 UTC). */
export const KPI_DIGEST_CRON = '0 4 * * 1';
