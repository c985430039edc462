/**
 * The whole catalogue as data: every case by its reason, and its server (zh-CN) text by reason
 * (the texts are in src/locales/errors.*; the app says them with src/locales/errors.ts). The codemod
 * and the tests use it; functions import their groups from ./index only, so this table of every
 * group stays out of their bundles (300 KB budget), and the app does without it (services/cloud.ts)
 * so the subpackages' texts stay out of the main package.
 */
import careRefusalsZhCN from '../../locales/errors.care.zh-CN';
import needsRefusalsZhCN from '../../locales/errors.needs.zh-CN';
import staffRefusalsZhCN from '../../locales/errors.staff.zh-CN';
import volunteerRefusalsZhCN from '../../locales/errors.volunteer.zh-CN';
import mainRefusalsZhCN, { errorIssuesZhCN } from '../../locales/errors.zh-CN';
import type { ErrorParams } from '../errors';
import { messageFrom, textAt, type ErrorCase, type TextsByReason } from './defineErrors';
import * as errorGroups from './index';

/** One catalogue entry: the group's export name, the factory's key, its reason and its case. */
export interface CatalogueEntry {
  group: string;
  key: string;
  reason: string;
  errorCase: ErrorCase;
}

/** Every case of every group, in declaration order. */
export const catalogueEntries: readonly CatalogueEntry[] = Object.entries(errorGroups).flatMap(([group, factories]) =>
  Object.entries(factories as Record<string, { reason: string; errorCase: ErrorCase }>).map(([key, factory]) => ({ group, key, reason: factory.reason, errorCase: factory.errorCase })),
);

/** Every group's Chinese texts: the main package's and the subpackages' parts (src/locales/errors.*.zh-CN.ts). */
export const errorsZhCN: TextsByReason = { ...mainRefusalsZhCN, ...volunteerRefusalsZhCN, ...staffRefusalsZhCN, ...needsRefusalsZhCN, ...careRefusalsZhCN };

const byReason = new Map(catalogueEntries.map((entry) => [entry.reason, entry.errorCase]));

/** The case behind a reason from the wire, or undefined for one this build does not know. */
export function errorCaseOf(reason: string): ErrorCase | undefined {
  return byReason.get(reason);
}

/** The Chinese text of a case (unfilled): what the server says; the reason itself for a case without one (the catalogue test fails on it). */
export function zhTextOf(reason: string): string {
  return textAt(errorsZhCN, reason) ?? reason;
}

/** The Chinese text of a field case's issue (unfilled): its own words, else the message's. */
export function zhIssueTextOf(reason: string): string {
  return textAt(errorIssuesZhCN, reason) ?? zhTextOf(reason);
}

/** The server's Chinese message of a case by its reason, as its factory makes it. */
export function messageOf(reason: string, errorCase: ErrorCase, params?: ErrorParams): string {
  return messageFrom(zhTextOf(reason), errorCase, params);
}
