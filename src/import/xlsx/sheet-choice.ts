/** Which sheet of a workbook an import reads: `--sheet NAME|N`, else the only visible one. */
import { DataError, UsageError } from '../../errors.js';
import { t } from '../../i18n/index.js';
import type { SheetInfo } from '../../xlsx/reader.js';

/** "1 Data (visible), 2 Catatan (hidden)" for a message. */
export function sheetList(sheets: SheetInfo[]): string {
  return sheets.map((s) => t(s.hidden ? 'xlsx:sheet.entry_hidden' : 'xlsx:sheet.entry', { position: s.position, name: s.name })).join(', ');
}

export function chooseSheet(file: string, sheets: SheetInfo[], wanted: string | undefined): SheetInfo {
  if (sheets.length === 0) throw new DataError(file, undefined, undefined, t('xlsx:sheet.none'));
  if (wanted !== undefined) {
    const byName = sheets.find((s) => s.name === wanted) ?? sheets.find((s) => s.name.trim().toLowerCase() === wanted.trim().toLowerCase());
    const byPosition = /^\d+$/.test(wanted.trim()) ? sheets.find((s) => s.position === Number(wanted)) : undefined;
    const sheet = byName ?? byPosition;
    if (!sheet) throw new UsageError(t('xlsx:sheet.not_found', { sheet: wanted, file, sheets: sheetList(sheets) }));
    return sheet;
  }
  const visible = sheets.filter((s) => !s.hidden);
  if (visible.length === 1) return visible[0]!;
  throw new UsageError(t('xlsx:sheet.choose', { file, sheets: sheetList(sheets) }), t('xlsx:sheet.choose_hint'));
}
