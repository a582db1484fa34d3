/**
 * Excel 97–2003 workbooks (.xls) through `xls2csv` (Debian package catdoc): one CSV per
 * sheet, separated by form feeds. xls2csv gives no sheet names or merged ranges: sheets
 * are named by their position.
 */
import { convert, type ConverterPaths } from '../converters.ts';
import type { OcrHooks } from '../result.ts';
import { parseCsv } from './csv.ts';
import type { SheetGrid } from './grid.ts';

/** The sheets of the .xls at `path`. Throws SHEET_CORRUPT or CONVERTER_UNAVAILABLE. */
export async function xlsGrids(path: string, hooks: OcrHooks & { converters?: ConverterPaths } = {}): Promise<SheetGrid[]> {
  const out = await convert('xls2csv', ['-d', 'utf-8', '-c', ',', '-q', '2', path], 'SHEET_CORRUPT', hooks);
  return out.split('\f').map((csv, i) => ({ name: `Trang tính ${i + 1}`, rows: parseCsv(csv, ','), merges: [] }))
    .filter((g) => g.rows.some((r) => r.some((c) => c.trim())));
}
