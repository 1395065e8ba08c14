import { formatDate } from './format';

/** A region's season as one phrase; either end may still be unset. */
export function formatSeason(startsOn: string | null, endsOn: string | null): string {
  if (startsOn && endsOn) return `${formatDate(startsOn)} — ${formatDate(endsOn)}`;
  if (startsOn) return `с ${formatDate(startsOn)}, окончание не задано`;
  if (endsOn) return `начало не задано, до ${formatDate(endsOn)}`;
  return 'Сроки не заданы';
}
