/** How imported cells and headers are read, whatever the table is about. */

/** Header cells compared without case, ё, asterisks, notes in brackets and extra spaces. */
export function normalizeHeader(cell: string): string {
  return cell
    .toLowerCase()
    .replace(/ё/g, 'е')
    // [^()] rather than [^)]: a cell of many «(» and no «)» is then scanned once, not once per «(».
    .replace(/\([^()]*\)/g, ' ')
    .replace(/[*:]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

/** ДД.ММ.ГГГГ (also with «/» or «-»), ГГГГ-ММ-ДД, or an Excel day number from a cell kept as a number. */
export function parseImportDate(text: string): string | null {
  const value = text.trim();
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  const dmy = /^(\d{1,2})[./-](\d{1,2})[./-](\d{4})$/.exec(value);
  if (dmy) return `${dmy[3]}-${dmy[2]!.padStart(2, '0')}-${dmy[1]!.padStart(2, '0')}`;
  if (/^\d{5}$/.test(value)) return new Date(EXCEL_EPOCH_MS + Number(value) * 86_400_000).toISOString().slice(0, 10);
  return null;
}

const YES = new Set(['да', 'д', 'есть', 'yes', 'y', 'true', '1', '+']);
const NO = new Set(['', 'нет', 'н', 'no', 'n', 'false', '0', '-']);

export function parseYesNo(text: string): boolean | null {
  const value = text.trim().toLowerCase();
  if (YES.has(value)) return true;
  if (NO.has(value)) return false;
  return null;
}
