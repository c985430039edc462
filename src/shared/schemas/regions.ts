import * as z from '../zod';
import { Id } from './common';

/** The three levels of the region tree (county → street/township → community/village). */
export const RegionLevel = z.enum(['county', 'street', 'community']);
export type RegionLevel = z.infer<typeof RegionLevel>;

/** Urban communities (社区) and rural villages (村) are tracked apart for policy targets. */
export const CommunityKind = z.enum(['urban', 'rural']);
export type CommunityKind = z.infer<typeof CommunityKind>;

export const RegionView = z.object({
  id: Id,
  name: z.string(),
  level: RegionLevel,
  parentId: Id.nullable(),
  kind: CommunityKind.nullable(),
});
export type RegionView = z.infer<typeof RegionView>;

export const RegionNode: z.ZodType<RegionTreeNode> = z.lazy(() =>
  RegionView.extend({ children: z.array(RegionNode) }),
);
export interface RegionTreeNode extends RegionView {
  children: RegionTreeNode[];
}

export const RegionsTreeInput = z.object({}).strict();
export type RegionsTreeInput = z.infer<typeof RegionsTreeInput>;
export const RegionsTreeOutput = z.object({ roots: z.array(RegionNode) });
export type RegionsTreeOutput = z.infer<typeof RegionsTreeOutput>;

/**
 * Import of a county's region tree from a spreadsheet (docs/regions-import.md). The file comes
 * as a cloud file id (weapp: wx.chooseMessageFile + wx.cloud.uploadFile) or, where no storage
 * upload of documents exists (the H5 build on the local cloud, whose upload endpoint takes
 * images only), inline as base64 — bounded well under CloudBase's 6 MB call payload.
 */
export const REGION_IMPORT_MAX_BYTES = 2 * 1024 * 1024;
const FileName = z
  .string({ error: '必须是文本' })
  .trim()
  .min(1, '不能为空')
  .max(120, '过长')
  .regex(/\.(xlsx|csv)$/i, '只支持 .xlsx 或 .csv 文件');
export const RegionImportSource = z.union([
  z.object({ fileName: FileName, fileId: z.string().min(1, '不能为空').max(512, '过长').regex(/^cloud:\/\/\S+$/, '格式不正确') }).strict(),
  z
    .object({
      fileName: FileName,
      base64: z
        .string()
        .min(1, '不能为空')
        .max(Math.ceil(REGION_IMPORT_MAX_BYTES / 3) * 4, '文件不能超过 2 MB')
        .regex(/^[A-Za-z0-9+/]+={0,2}$/, '格式不正确'),
    })
    .strict(),
]);
export type RegionImportSource = z.infer<typeof RegionImportSource>;

/** `apply: false` is the dry run (preview): the same report, nothing written. */
export const RegionsImportInput = z.object({ source: RegionImportSource, apply: z.boolean() }).strict();
export type RegionsImportInput = z.infer<typeof RegionsImportInput>;

/** Every kind of problem a row (or the file, row 0) can have; the UI may switch on it. */
export const RegionImportProblem = z.enum([
  'FILE_UNREADABLE',
  'COLUMN_MISSING',
  'NO_ROWS',
  'TOO_MANY_ROWS',
  'NAME_MISSING',
  'NAME_INVALID',
  'CODE_FORMAT',
  'PARENT_PREFIX',
  'PARENT_UNKNOWN',
  'DUPLICATE_CODE',
  'DUPLICATE_NAME',
  'URBAN_RURAL_CODE',
  'GRID_AREA',
  'COUNTY_COUNT',
  'MOVED',
]);
export type RegionImportProblem = z.infer<typeof RegionImportProblem>;

export const RegionImportIssue = z.object({
  /** The spreadsheet's row number (the header is row 1); 0 for the file as a whole. */
  row: z.number().int(),
  column: z.string().nullable(),
  problem: RegionImportProblem,
  message: z.string(),
});
export type RegionImportIssue = z.infer<typeof RegionImportIssue>;

export const RegionImportChange = z.object({
  row: z.number().int(),
  code: z.string(),
  name: z.string(),
  level: RegionLevel,
  change: z.enum(['create', 'update']),
  /** What an update changes (name, code, urbanRuralCode, gridAreas); empty for a create. */
  fields: z.array(z.string()),
});
export type RegionImportChange = z.infer<typeof RegionImportChange>;

export const RegionImportMissing = z.object({
  id: Id,
  code: z.string().nullable(),
  name: z.string(),
  level: RegionLevel,
  /** Groups that belong to the node: such a node is never removed (no node is, by an import). */
  groups: z.number().int(),
});
export type RegionImportMissing = z.infer<typeof RegionImportMissing>;

/** Lists in the report are capped (the counts are not), so a big county's reply stays small. */
export const REGION_IMPORT_LIST_CAP = 200;
export const RegionImportReport = z.object({
  applied: z.boolean(),
  county: z.object({ code: z.string(), name: z.string() }).nullable(),
  rows: z.number().int(),
  errors: z.array(RegionImportIssue),
  errorCount: z.number().int(),
  changes: z.array(RegionImportChange),
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  missing: z.array(RegionImportMissing),
  missingCount: z.number().int(),
});
export type RegionImportReport = z.infer<typeof RegionImportReport>;
export const RegionsImportOutput = RegionImportReport;

/** The grid areas (网格) of one community, as imported; empty when none were. */
export const RegionsGridAreasInput = z.object({ communityId: Id }).strict();
export type RegionsGridAreasInput = z.infer<typeof RegionsGridAreasInput>;
export const RegionsGridAreasOutput = z.object({ gridAreas: z.array(z.string()) });
export type RegionsGridAreasOutput = z.infer<typeof RegionsGridAreasOutput>;

/**
 * Whether a grid area may be stored: any (non-empty) text while the community has no imported
 * list; one of the list once it has one — or the value already stored, so an old free-text
 * value keeps working until it is changed.
 */
export function gridAreaAllowed(offered: readonly string[], value: string | null | undefined, stored?: string | null): boolean {
  if (value === null || value === undefined) return true;
  return offered.length === 0 || offered.includes(value) || value === stored;
}

/** The blank template (header, examples, notes) as a stored file and a temporary link. */
export const RegionsImportTemplateInput = z.object({}).strict();
export type RegionsImportTemplateInput = z.infer<typeof RegionsImportTemplateInput>;
export const RegionsImportTemplateOutput = z.object({ fileId: z.string(), url: z.string(), fileName: z.string() });
export type RegionsImportTemplateOutput = z.infer<typeof RegionsImportTemplateOutput>;
