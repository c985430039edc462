/**
 * The error catalogue: every refusal a function answers, one factory per domain case, grouped by
 * the function (or resource) that raises it. Commands throw `signupErrors.alreadySignedUp()`; the
 * envelope carries the category `code`, the Chinese `message`, and the case's `reason` + `params`,
 * which the app turns into the reader's language with `errorTextOf`.
 * New cases go in the group's file; config/codemods/apply-error-taxonomy.ts rewrites
 * `new AppError(code, '<the same message>')` call sites into the factory.
 */
import type { ErrorParams } from '../errors';
import { accountErrors } from './account';
import { activityErrors } from './activities';
import { consoleErrors } from './console';
import { contentErrors } from './content';
import { creditErrors } from './credits';
import { fillParams, type ErrorCase } from './defineErrors';
import { groupErrors } from './groups';
import { hourErrors } from './hours';
import { hubErrors } from './hubs';
import { memberErrors } from './members';
import { moderationErrors } from './moderation';
import { postErrors } from './posts';
import { proofErrors } from './proofs';
import { proxyErrors } from './proxies';
import { regionErrors } from './regions';
import { requestErrors } from './request';
import { roleErrors } from './roles';
import { rollCallErrors } from './rollcalls';
import { signupErrors } from './signups';
import { storeErrors } from './store';
import { volunteerErrors } from './volunteers';

export {
  accountErrors,
  activityErrors,
  consoleErrors,
  contentErrors,
  creditErrors,
  groupErrors,
  hourErrors,
  hubErrors,
  memberErrors,
  moderationErrors,
  postErrors,
  proofErrors,
  proxyErrors,
  regionErrors,
  requestErrors,
  roleErrors,
  rollCallErrors,
  signupErrors,
  storeErrors,
  volunteerErrors,
};
export type { ErrorCase, ErrorField } from './defineErrors';

/** Every group by its export name (the codemod and the catalogue's tests walk this). */
export const errorGroups = {
  accountErrors,
  activityErrors,
  consoleErrors,
  contentErrors,
  creditErrors,
  groupErrors,
  hourErrors,
  hubErrors,
  memberErrors,
  moderationErrors,
  postErrors,
  proofErrors,
  proxyErrors,
  regionErrors,
  requestErrors,
  roleErrors,
  rollCallErrors,
  signupErrors,
  storeErrors,
  volunteerErrors,
} as const;

/** One catalogue entry as the codemod and tests see it. */
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

const byReason = new Map(catalogueEntries.map((entry) => [entry.reason, entry.errorCase]));

/** The case behind a reason from the wire, or undefined for one this build does not know. */
export function errorCaseOf(reason: string): ErrorCase | undefined {
  return byReason.get(reason);
}

/** The two languages the catalogue speaks (the app's locales). */
export type ErrorLocale = 'zh-CN' | 'en';

/**
 * The text of a case in `locale`: the message (`field: false`) or, for a case that blames a
 * field, the text of its issue (`field: true`). Undefined when the reason is unknown.
 */
export function errorTextOf(reason: string, locale: ErrorLocale, params?: ErrorParams, options: { field?: boolean } = {}): string | undefined {
  const errorCase = byReason.get(reason);
  if (!errorCase) return undefined;
  const field = options.field ? errorCase.field : undefined;
  const template = locale === 'en' ? (field?.en ?? errorCase.en) : (field?.zh ?? errorCase.zh);
  return fillParams(template, params);
}
