/**
 * Imports a county's region tree — county → streets/townships → communities/villages, with the
 * 12-digit statistical division codes (统计用区划代码), the urban/rural code (城乡分类代码) and
 * each community's grid areas — from a spreadsheet (docs/regions-import.md).
 *
 * All or nothing: any problem in the file is reported by row and nothing is written. Idempotent:
 * nodes are matched by code (or, once, a node of the same name and place without a code — the
 * demo seed's and earlier hand-made ones are adopted rather than duplicated) and written only
 * where something differs, so the same file twice writes nothing the second time. Never deletes:
 * nodes missing from the file are listed in the report with their group counts.
 */
import type { RegionScope } from '../../../src/shared/policies/actor';
import { authorize } from '../../../src/shared/policies/authorize';
import { regionCountyPolicies } from '../../../src/shared/policies/regions';
import {
  REGION_IMPORT_LIST_CAP,
  REGION_IMPORT_MAX_BYTES,
  type RegionImportChange,
  type RegionImportIssue,
  type RegionImportMissing,
  type RegionImportProblem,
  type RegionImportReport,
  type RegionImportSource,
  type RegionLevel,
} from '../../../src/shared/schemas/regions';
import { readRegionSheet, REGION_COLUMN_HEADERS, regionTemplateWorkbook, type RegionColumn, type SheetRow } from '../documents/regionSheet';
import { fileStore } from '../ports/storage';
import { recordAudit } from '../repositories/auditLog';
import { allRegions, createRegion, forgetRegionDirectory, groupCountsByRegion, updateRegion, type RegionDoc, type RegionFields } from '../repositories/regions';
import type { Actor } from '../runtime/actor';
import { digest } from '../runtime/hash';
import { regionErrors } from '../../../src/shared/domainErrors';

/** A county has tens of streets and hundreds of communities; a file far beyond is not one county. */
const MAX_ROWS = 5000;
const NAME_MAX = 40;
const GRID_AREA_MAX = 20;
/** Writes in flight at once: a first import of ~500 nodes stays within the function's timeout. */
const WRITE_BATCH = 10;
const CONTROL_CHARS = /[\u0000-\u001F\u007F]/;

/** 城乡分类代码 (国家统计局《统计用区划和城乡划分代码》): 1xx urban, 2xx rural. */
export const URBAN_RURAL_CODES: Record<string, string> = {
  '111': '主城区',
  '112': '城乡结合区',
  '121': '镇中心区',
  '122': '镇乡结合区',
  '123': '特殊区域',
  '210': '乡中心区',
  '220': '村庄',
};

const LEVEL_NAME: Record<RegionLevel, string> = { county: '区县', street: '街道/乡镇', community: '社区/村' };
const PARENT_LEVEL: Record<RegionLevel, RegionLevel | null> = { county: null, street: 'county', community: 'street' };
const LEVEL_ORDER: RegionLevel[] = ['county', 'street', 'community'];

/**
 * The level a 12-digit code names: PPCCDD (county) TTT (township) VVV (village). A county ends
 * in 000000, a street/township in 000, a community/village has all 12; null for anything else.
 */
export function levelOfCode(code: string): RegionLevel | null {
  if (!/^\d{12}$/.test(code) || code.slice(4, 6) === '00') return null;
  if (code.slice(6) === '000000') return 'county';
  if (code.slice(9) === '000') return 'street';
  return 'community';
}

/** The prefix a child's code shares with its parent: 6 digits under a county, 9 under a street. */
const prefixOf = (code: string, level: RegionLevel) => (level === 'county' ? code.slice(0, 6) : code.slice(0, 9));

/** Grid areas of a cell: separated by 、 , ， ; ； | or line breaks. */
const splitGridAreas = (cell: string) => cell.split(/[、,，;；|\n\r]+/).map((part) => part.trim()).filter(Boolean);

interface ParsedRow {
  row: number;
  code: string;
  name: string;
  level: RegionLevel;
  parentCode: string | null;
  urbanRuralCode: string | null;
  gridAreas: string[];
}

/** One node to write: its id, its fields, and whether it is new. */
interface PlannedWrite {
  row: ParsedRow;
  id: string;
  fields: RegionFields;
  existing: RegionDoc | null;
  changed: Array<keyof RegionFields>;
}

export interface RegionImportPlan {
  issues: RegionImportIssue[];
  countyCode: string | null;
  /** The county node already in the database (matched by code or adopted by name), if any. */
  countyDoc: RegionDoc | null;
  rows: number;
  writes: PlannedWrite[];
  unchanged: number;
  /** Nodes of the county in the database that the file does not name. */
  missing: RegionDoc[];
}

function issue(row: number, column: RegionColumn | null, problem: RegionImportProblem, message: string): RegionImportIssue {
  return { row, column: column ? REGION_COLUMN_HEADERS[column].header : null, problem, message };
}

/** Checks each row on its own: names, code formats, the urban/rural code and grid areas. */
function parseRows(rows: SheetRow[], issues: RegionImportIssue[]): ParsedRow[] {
  const parsed: ParsedRow[] = [];
  for (const { row, cells } of rows) {
    const before = issues.length;
    const name = cells.name;
    if (!name) issues.push(issue(row, 'name', 'NAME_MISSING', `第 ${row} 行：缺少名称`));
    else if (name.length > NAME_MAX || CONTROL_CHARS.test(name)) issues.push(issue(row, 'name', 'NAME_INVALID', `第 ${row} 行：名称不能超过 ${NAME_MAX} 个字，也不能含控制字符`));
    const level = levelOfCode(cells.code);
    if (!level) {
      issues.push(issue(row, 'code', 'CODE_FORMAT', cells.code ? `第 ${row} 行：区划代码“${cells.code.slice(0, 20)}”不是 12 位的区县、乡镇街道或村居代码` : `第 ${row} 行：缺少区划代码`));
    }
    let parentCode: string | null = null;
    if (level && level !== 'county') {
      if (!cells.parentCode) issues.push(issue(row, 'parentCode', 'PARENT_UNKNOWN', `第 ${row} 行：缺少上级区划代码`));
      else if (levelOfCode(cells.parentCode) !== PARENT_LEVEL[level]) {
        issues.push(issue(row, 'parentCode', 'PARENT_PREFIX', `第 ${row} 行：上级区划代码“${cells.parentCode.slice(0, 20)}”不是${LEVEL_NAME[PARENT_LEVEL[level]!]}的代码`));
      } else if (prefixOf(cells.code, PARENT_LEVEL[level]!) !== prefixOf(cells.parentCode, PARENT_LEVEL[level]!)) {
        issues.push(issue(row, 'code', 'PARENT_PREFIX', `第 ${row} 行：区划代码 ${cells.code} 不在上级 ${cells.parentCode} 之下（前 ${PARENT_LEVEL[level] === 'county' ? 6 : 9} 位应相同）`));
      } else parentCode = cells.parentCode;
    }
    let urbanRuralCode: string | null = null;
    if (level === 'community') {
      if (!(cells.urbanRuralCode in URBAN_RURAL_CODES)) {
        issues.push(issue(row, 'urbanRuralCode', 'URBAN_RURAL_CODE', `第 ${row} 行：城乡分类代码应为 111、112、121、122、123、210 或 220${cells.urbanRuralCode ? `，不是“${cells.urbanRuralCode.slice(0, 10)}”` : ''}`));
      } else urbanRuralCode = cells.urbanRuralCode;
    } else if (level && cells.urbanRuralCode) {
      issues.push(issue(row, 'urbanRuralCode', 'URBAN_RURAL_CODE', `第 ${row} 行：城乡分类代码只填社区/村，${LEVEL_NAME[level]}留空`));
    }
    const gridAreas = splitGridAreas(cells.gridAreas);
    if (level && level !== 'community' && gridAreas.length > 0) {
      issues.push(issue(row, 'gridAreas', 'GRID_AREA', `第 ${row} 行：网格只填社区/村，${LEVEL_NAME[level]}留空`));
    }
    const tooLong = gridAreas.find((g) => g.length > GRID_AREA_MAX || CONTROL_CHARS.test(g));
    if (tooLong) issues.push(issue(row, 'gridAreas', 'GRID_AREA', `第 ${row} 行：网格“${tooLong.slice(0, GRID_AREA_MAX)}…”超过 ${GRID_AREA_MAX} 个字`));
    const twice = gridAreas.find((g, i) => gridAreas.indexOf(g) !== i);
    if (twice) issues.push(issue(row, 'gridAreas', 'GRID_AREA', `第 ${row} 行：网格“${twice}”重复`));
    if (issues.length === before && level) parsed.push({ row, code: cells.code, name, level, parentCode, urbanRuralCode, gridAreas });
  }
  return parsed;
}

/** The fields an import sets on a node; grid areas only on communities. */
function fieldsOf(row: ParsedRow, parentId: string | null, ancestorIds: string[]): RegionFields {
  const urban = row.urbanRuralCode ? row.urbanRuralCode.startsWith('1') : null;
  return {
    name: row.name,
    level: row.level,
    parentId,
    ancestorIds,
    kind: urban === null ? null : urban ? 'urban' : 'rural',
    code: row.code,
    urbanRuralCode: row.urbanRuralCode,
    urban,
    ...(row.level === 'community' ? { gridAreas: row.gridAreas } : {}),
  };
}

const COMPARED: Array<keyof RegionFields> = ['name', 'code', 'urbanRuralCode', 'urban', 'kind', 'gridAreas'];
const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * Validates the rows against each other and the county's nodes in the database, and plans the
 * writes. Pure apart from its inputs: `existing` is every region (only the file's county's
 * subtree is looked at, so a report never tells anything about another county).
 */
export function planRegionImport(rows: SheetRow[], existing: RegionDoc[]): RegionImportPlan {
  const issues: RegionImportIssue[] = [];
  const empty = { countyCode: null, countyDoc: null, rows: rows.length, writes: [], unchanged: 0, missing: [] };
  if (rows.length === 0) return { ...empty, issues: [issue(0, null, 'NO_ROWS', '文件中没有数据行（第 1 行是表头，从第 2 行起每行一个节点）')] };
  if (rows.length > MAX_ROWS) return { ...empty, issues: [issue(0, null, 'TOO_MANY_ROWS', `文件有 ${rows.length} 行，一次最多导入 ${MAX_ROWS} 行（一个区县）`)] };

  const parsed = parseRows(rows, issues);
  const firstRowOf = new Map<string, number>();
  const unique: ParsedRow[] = [];
  for (const row of parsed) {
    const first = firstRowOf.get(row.code);
    if (first !== undefined) issues.push(issue(row.row, 'code', 'DUPLICATE_CODE', `第 ${row.row} 行：区划代码 ${row.code} 与第 ${first} 行重复`));
    else {
      firstRowOf.set(row.code, row.row);
      unique.push(row);
    }
  }
  const counties = [...new Set(unique.map((r) => r.code.slice(0, 6)))];
  if (counties.length > 1) {
    issues.unshift(issue(0, null, 'COUNTY_COUNT', `一个文件只能导入一个区县，这个文件涉及 ${counties.length} 个（区划代码前 6 位：${counties.slice(0, 5).join('、')}）`));
    return { ...empty, rows: rows.length, issues };
  }
  const countyCode = counties[0] ? `${counties[0]}000000` : null;

  // The county in the database: by its code, else a county of the file's name without a code.
  const countyRow = unique.find((r) => r.level === 'county') ?? null;
  const countyDoc =
    (countyCode ? existing.find((r) => r.level === 'county' && r.code === countyCode) : undefined) ??
    (countyRow ? existing.find((r) => r.level === 'county' && !r.code && r.name === countyRow.name) : undefined) ??
    null;
  const subtree = countyDoc ? existing.filter((r) => r._id === countyDoc._id || r.ancestorIds.includes(countyDoc._id)) : [];
  const byCode = new Map(subtree.filter((r) => r.code).map((r) => [r.code!, r]));
  const fileByCode = new Map(unique.map((r) => [r.code, r]));

  const matched = new Map<string, RegionDoc>(); // file code → node in the database
  const idOf = new Map<string, { id: string; ancestorIds: string[] }>(); // file code → where it is written
  const claimed = new Set<string>();
  const writes: PlannedWrite[] = [];
  let unchanged = 0;
  // Parents first, so each row finds its parent's id (and the names its siblings already took).
  for (const level of LEVEL_ORDER) {
    const siblingsNamed = new Map<string, number>(); // `${parentId}/${name}` → row
    for (const row of unique.filter((r) => r.level === level)) {
      let parentId: string | null = null;
      let ancestorIds: string[] = [];
      if (row.parentCode) {
        const parent = idOf.get(row.parentCode) ?? (byCode.get(row.parentCode) && !fileByCode.has(row.parentCode) ? { id: byCode.get(row.parentCode)!._id, ancestorIds: byCode.get(row.parentCode)!.ancestorIds } : undefined);
        if (!parent) {
          issues.push(issue(row.row, 'parentCode', 'PARENT_UNKNOWN', `第 ${row.row} 行：上级区划代码 ${row.parentCode} 既不在文件中，也不在已有的区划中`));
          continue;
        }
        parentId = parent.id;
        ancestorIds = [...parent.ancestorIds, parent.id];
      }
      const doc =
        (level === 'county' ? countyDoc : undefined) ??
        byCode.get(row.code) ??
        subtree.find((r) => !r.code && !claimed.has(r._id) && r.level === level && r.parentId === parentId && r.name === row.name) ??
        null;
      if (doc && doc.parentId !== parentId) {
        issues.push(issue(row.row, 'parentCode', 'MOVED', `第 ${row.row} 行：${row.name}（${row.code}）已在另一个上级之下，导入不移动节点`));
        continue;
      }
      const key = `${parentId}/${row.name}`;
      const sameNameRow = siblingsNamed.get(key);
      const sameNameNode = subtree.find((r) => r.parentId === parentId && r.name === row.name && r._id !== doc?._id && !(r.code && fileByCode.has(r.code)));
      if (sameNameRow !== undefined || sameNameNode) {
        issues.push(issue(row.row, 'name', 'DUPLICATE_NAME', `第 ${row.row} 行：同一上级下已有“${row.name}”${sameNameRow !== undefined ? `（第 ${sameNameRow} 行）` : `（代码 ${sameNameNode!.code ?? '无'}）`}`));
        continue;
      }
      siblingsNamed.set(key, row.row);
      const id = doc?._id ?? `rg-${row.code}`;
      if (doc) {
        matched.set(row.code, doc);
        claimed.add(doc._id);
      }
      idOf.set(row.code, { id, ancestorIds });
      const fields = fieldsOf(row, parentId, ancestorIds);
      const changed = doc ? COMPARED.filter((f) => f in fields && !same(doc[f], fields[f])) : [];
      if (doc && changed.length === 0) unchanged++;
      else writes.push({ row, id, fields, existing: doc, changed });
    }
  }
  const named = new Set([...matched.values()].map((r) => r._id));
  const missing = subtree.filter((r) => !named.has(r._id));
  issues.sort((a, b) => a.row - b.row);
  return issues.length > 0
    ? { issues, countyCode, countyDoc, rows: rows.length, writes: [], unchanged: 0, missing: [] }
    : { issues, countyCode, countyDoc, rows: rows.length, writes, unchanged, missing };
}

/** Writes the plan, parents before children, a few at a time. */
async function applyPlan(writes: PlannedWrite[]): Promise<void> {
  for (const level of LEVEL_ORDER) {
    const batch = writes.filter((w) => w.row.level === level);
    for (let i = 0; i < batch.length; i += WRITE_BATCH) {
      await Promise.all(
        batch.slice(i, i + WRITE_BATCH).map((w) =>
          w.existing ? updateRegion(w.id, Object.fromEntries(w.changed.map((f) => [f, w.fields[f]]))) : createRegion(w.id, w.fields),
        ),
      );
    }
  }
  forgetRegionDirectory();
}

async function reportOf(plan: RegionImportPlan, applied: boolean): Promise<RegionImportReport> {
  const counts = plan.countyDoc && plan.missing.length > 0 ? await groupCountsByRegion(plan.countyDoc._id) : new Map<string, number>();
  const countyRow = plan.writes.find((w) => w.row.level === 'county');
  const changes: RegionImportChange[] = plan.writes.map((w) => ({
    row: w.row.row,
    code: w.row.code,
    name: w.row.name,
    level: w.row.level,
    change: w.existing ? 'update' : 'create',
    fields: w.changed,
  }));
  const missing: RegionImportMissing[] = plan.missing.map((r) => ({ id: r._id, code: r.code ?? null, name: r.name, level: r.level, groups: counts.get(r._id) ?? 0 }));
  return {
    applied,
    county: plan.countyCode ? { code: plan.countyCode, name: countyRow?.row.name ?? plan.countyDoc?.name ?? '' } : null,
    rows: plan.rows,
    errors: plan.issues.slice(0, REGION_IMPORT_LIST_CAP),
    errorCount: plan.issues.length,
    changes: changes.slice(0, REGION_IMPORT_LIST_CAP),
    created: changes.filter((c) => c.change === 'create').length,
    updated: changes.filter((c) => c.change === 'update').length,
    unchanged: plan.unchanged,
    missing: missing.slice(0, REGION_IMPORT_LIST_CAP),
    missingCount: missing.length,
  };
}

/** Who runs the import: county staff in the app (checked against the file's county), or the CLI. */
export type RegionImporter = { kind: 'staff'; actor: Actor; requestId: string } | { kind: 'cli' };

/**
 * Reads, validates and (with `apply`) writes a county's tree from the file's bytes. Staff may
 * import only over a county that exists and that they hold a county grant on; the CLI may create
 * a new county. Writes nothing when the file has any problem, or when nothing differs.
 */
export async function importRegions(load: () => Promise<Buffer>, apply: boolean, by: RegionImporter, now: Date): Promise<RegionImportReport> {
  // Checked before the file is even read; the county itself is checked once the file names it.
  if (by.kind === 'staff' && !by.actor.grants.some((g) => g.role === 'county')) throw regionErrors.importCountyStaffOnly();
  const bytes = await load();
  if (bytes.length > REGION_IMPORT_MAX_BYTES) throw regionErrors.importFileTooLarge();
  const sheet = await readRegionSheet(bytes);
  if (!sheet.ok) {
    const column = sheet.column ? (Object.keys(REGION_COLUMN_HEADERS) as RegionColumn[]).find((c) => REGION_COLUMN_HEADERS[c].header === sheet.column) ?? null : null;
    return reportOf({ issues: [issue(0, column, sheet.problem, sheet.message)], countyCode: null, countyDoc: null, rows: 0, writes: [], unchanged: 0, missing: [] }, false);
  }
  const plan = planRegionImport(sheet.rows, await allRegions());
  if (by.kind === 'staff') {
    // Staff change an existing county only: a new county's first import is the administrator's (CLI).
    if (plan.countyCode && !plan.countyDoc) throw regionErrors.importCountyMissing();
    if (plan.countyDoc) authorize(regionCountyPolicies, 'regions.import', by.actor, scopeOf(plan.countyDoc));
  }
  const willWrite = apply && plan.issues.length === 0 && plan.writes.length > 0;
  if (willWrite) {
    await applyPlan(plan.writes);
    const countyId = plan.countyDoc?._id ?? plan.writes.find((w) => w.row.level === 'county')?.id ?? null;
    const actorId = by.kind === 'staff' ? by.actor.userId : 'cli';
    const key = by.kind === 'staff' ? digest('audit', by.actor.userId, by.requestId) : digest('audit-cli', 'regions.import', now.toISOString());
    await recordAudit(
      { actorId, action: 'regions.import', targetType: 'region', targetId: countyId ?? '', regionId: countyId, reason: null, details: { created: plan.writes.filter((w) => !w.existing).length, updated: plan.writes.filter((w) => w.existing).length } },
      key,
      now,
    );
  }
  return reportOf(plan, willWrite);
}

function scopeOf(region: RegionDoc): RegionScope {
  return { regionId: region._id, ancestorIds: region.ancestorIds };
}

/** The bytes of the file the staff chose: from storage by id, or sent inline (H5). */
export async function bytesOfSource(source: RegionImportSource): Promise<Buffer> {
  if ('base64' in source) return Buffer.from(source.base64, 'base64');
  // Only files the import page uploaded (imports/regions/…): not any stored file someone names.
  if (!/^cloud:\/\/[^/]+\/imports\/regions\/[^/]+$/.test(source.fileId)) throw regionErrors.importFileForeign();
  try {
    return await fileStore().download(source.fileId);
  } catch {
    throw regionErrors.importFileMissing();
  }
}

/** Uploads the template (header, examples, a sheet of notes) and answers a link to it. */
export async function regionImportTemplate(): Promise<{ fileId: string; url: string; fileName: string }> {
  const fileName = 'regions-template.xlsx';
  const fileId = await fileStore().upload(`templates/${fileName}`, await regionTemplateWorkbook());
  const url = (await fileStore().temporaryUrls([fileId])).get(fileId) ?? '';
  return { fileId, url, fileName };
}
