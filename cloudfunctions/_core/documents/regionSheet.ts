/**
 * The region-tree spreadsheet (docs/regions-import.md): reads an .xlsx (first worksheet) or a
 * .csv into rows of named columns, and writes the template staff download. Reading knows
 * nothing of regions' rules; the import command validates what it reads.
 */
import type ExcelJS from 'exceljs';

/**
 * exceljs, loaded on first use: the `regions` function also answers regions.tree, the pickers'
 * hot read, whose cold start should not pay for a spreadsheet library it does not use.
 */
async function excel(): Promise<typeof ExcelJS> {
  return (await import('exceljs')).default;
}

/** The columns of the file, by the name the import uses. */
export const REGION_COLUMNS = ['code', 'name', 'parentCode', 'urbanRuralCode', 'gridAreas'] as const;
export type RegionColumn = (typeof REGION_COLUMNS)[number];

/** The header each column has in the template; the aliases are also accepted (English files). */
export const REGION_COLUMN_HEADERS: Record<RegionColumn, { header: string; aliases: string[]; required: boolean }> = {
  code: { header: '区划代码', aliases: ['统计用区划代码', 'code'], required: true },
  name: { header: '名称', aliases: ['name'], required: true },
  parentCode: { header: '上级区划代码', aliases: ['上级代码', 'parentcode', 'parent code'], required: true },
  urbanRuralCode: { header: '城乡分类代码', aliases: ['urbanruralcode', 'urban-rural code'], required: true },
  gridAreas: { header: '网格', aliases: ['网格名称', 'gridareas', 'grid areas'], required: false },
};

export interface SheetRow {
  /** The row number the spreadsheet shows (the header is row 1). */
  row: number;
  cells: Record<RegionColumn, string>;
}

export type SheetReading =
  | { ok: true; rows: SheetRow[] }
  | { ok: false; problem: 'FILE_UNREADABLE' | 'COLUMN_MISSING'; message: string; column?: RegionColumn };

/** A column's header as the file spells it, normalised for matching (case, spaces, BOM). */
const normalise = (header: string) => header.replace(/^\uFEFF/, '').replace(/\s+/g, ' ').trim().toLowerCase();

function columnOf(header: string): RegionColumn | undefined {
  const wanted = normalise(header);
  return REGION_COLUMNS.find((column) => {
    const spec = REGION_COLUMN_HEADERS[column];
    return [spec.header, ...spec.aliases].some((name) => normalise(name) === wanted);
  });
}

/** Turns a header row and data rows into named cells; a missing required column is reported. */
function tableOf(header: string[], data: Array<{ row: number; values: string[] }>): SheetReading {
  const positions = new Map<RegionColumn, number>();
  header.forEach((cell, index) => {
    const column = columnOf(cell);
    if (column && !positions.has(column)) positions.set(column, index);
  });
  for (const column of REGION_COLUMNS) {
    const spec = REGION_COLUMN_HEADERS[column];
    if (spec.required && !positions.has(column)) {
      return { ok: false, problem: 'COLUMN_MISSING', column, message: `缺少“${spec.header}”列（第 1 行应是表头）` };
    }
  }
  const rows: SheetRow[] = [];
  for (const { row, values } of data) {
    const cells = Object.fromEntries(REGION_COLUMNS.map((column) => {
      const at = positions.get(column);
      return [column, at === undefined ? '' : (values[at] ?? '').trim()];
    })) as Record<RegionColumn, string>;
    // Wholly empty rows (often left at the end of a sheet) are not rows of the tree.
    if (REGION_COLUMNS.some((column) => cells[column] !== '')) rows.push({ row, cells });
  }
  return { ok: true, rows };
}

/** The text of an Excel cell: codes typed as numbers keep every digit, formulas give their result. */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isInteger(value) ? value.toFixed(0) : String(value);
  if (typeof value === 'string' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString();
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
  if ('text' in value) return String(value.text);
  return '';
}

async function readXlsx(bytes: Buffer): Promise<SheetReading> {
  const workbook = new (await excel()).Workbook();
  try {
    // exceljs's load takes the zip's bytes (its typings predate Buffer<ArrayBufferLike>).
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    return { ok: false, problem: 'FILE_UNREADABLE', message: '无法读取这个 Excel 文件，请另存为 .xlsx 后再试' };
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return { ok: false, problem: 'FILE_UNREADABLE', message: '这个 Excel 文件没有工作表' };
  const header: string[] = [];
  const data: Array<{ row: number; values: string[] }> = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const values: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, column) => {
      values[column - 1] = cellText(cell.value);
    });
    if (rowNumber === 1) header.push(...Array.from(values, (v) => v ?? ''));
    else data.push({ row: rowNumber, values: Array.from(values, (v) => v ?? '') });
  });
  return tableOf(header, data);
}

/**
 * CSV text: UTF-8 (with or without BOM), or GB18030 — what Excel on a Chinese Windows saves as
 * "CSV" — when the bytes are not valid UTF-8.
 */
function decodeCsv(bytes: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

/** RFC 4180 fields: commas, quoted fields with "" for a quote and line breaks inside quotes. */
export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"' && field === '') quoted = true;
    else if (char === ',') {
      record.push(field);
      field = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[i + 1] === '\n') i++;
      record.push(field);
      records.push(record);
      record = [];
      field = '';
    } else field += char;
  }
  if (field !== '' || record.length > 0) {
    record.push(field);
    records.push(record);
  }
  return records;
}

function readCsv(bytes: Buffer): SheetReading {
  const records = parseCsv(decodeCsv(bytes));
  const [header = [], ...data] = records;
  // Quoted line breaks make record and line numbers differ; staff see the record's number, as Excel does.
  return tableOf(header, data.map((values, index) => ({ row: index + 2, values })));
}

/** Reads the file by its content: an .xlsx is a zip ("PK"), anything else is taken as CSV. */
export async function readRegionSheet(bytes: Buffer): Promise<SheetReading> {
  if (bytes.length >= 2 && bytes[0] === 0x50 && bytes[1] === 0x4b) return readXlsx(bytes);
  return readCsv(bytes);
}

/** Example rows of the template: a county, a street, an urban community and a village with grid areas. */
export const TEMPLATE_ROWS: Array<Record<RegionColumn, string>> = [
  { code: '330122000000', name: '临溪县', parentCode: '', urbanRuralCode: '', gridAreas: '' },
  { code: '330122001000', name: '城关街道', parentCode: '330122000000', urbanRuralCode: '', gridAreas: '' },
  { code: '330122001001', name: '北苑社区', parentCode: '330122001000', urbanRuralCode: '111', gridAreas: '第一网格、第二网格、第三网格' },
  { code: '330122101000', name: '桃源镇', parentCode: '330122000000', urbanRuralCode: '', gridAreas: '' },
  { code: '330122101201', name: '桃源村', parentCode: '330122101000', urbanRuralCode: '220', gridAreas: '东片网格、西片网格' },
];

/** The template workbook staff fill in: the header, the example rows, codes kept as text. */
export async function regionTemplateWorkbook(): Promise<Buffer> {
  const workbook = new (await excel()).Workbook();
  const sheet = workbook.addWorksheet('区划');
  sheet.columns = REGION_COLUMNS.map((column) => ({ header: REGION_COLUMN_HEADERS[column].header, key: column, width: column === 'gridAreas' ? 40 : 18, style: { numFmt: '@' } }));
  for (const row of TEMPLATE_ROWS) sheet.addRow(row);
  sheet.getRow(1).font = { bold: true };
  const notes = workbook.addWorksheet('说明');
  for (const line of [
    '每行一个区划节点：区县、街道/乡镇、社区/村。第 1 行是表头，不要改动。',
    '区划代码：12 位统计用区划代码（国家统计局）。区县为 前6位+000000，街道/乡镇为 前9位+000，社区/村为完整 12 位。',
    '上级区划代码：街道/乡镇填所属区县的代码，社区/村填所属街道/乡镇的代码；区县行留空。',
    '城乡分类代码：只填社区/村，111 主城区、112 城乡结合区、121 镇中心区、122 镇乡结合区、123 特殊区域、210 乡中心区、220 村庄。',
    '网格：只填社区/村，多个网格用顿号“、”、逗号或分号隔开，每个不超过 20 个字。',
    '导入只新增和更新，不会删除任何节点；文件中没有的节点会在报告中列出。',
  ]) notes.addRow([line]);
  notes.getColumn(1).width = 120;
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
