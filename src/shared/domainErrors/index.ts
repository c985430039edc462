/**
 * The error catalogue: every refusal a function answers, one factory per domain case, grouped by
 * the function (or resource) that raises it. Commands throw `signupErrors.alreadySignedUp()`; the
 * envelope carries the category `code`, the Chinese `message`, and the case's `reason` + `params`,
 * which the app turns into the reader's language with `errorTextOf` (src/locales/errors.ts). The
 * texts of both languages live in src/locales/errors.zh-CN.ts / errors.en.ts, keyed by reason.
 * This module only re-exports, and every group is a pure call, so a function's bundle keeps
 * only the groups it throws (and their Chinese texts).
 * New cases go in the group's file, their texts in the locale files (docs/errors.md);
 * config/codemods/apply-error-taxonomy.ts rewrites
 * `new AppError(code, '<the same message>')` call sites into the factory.
 */
import { accountErrors } from './account';
import { activityErrors } from './activities';
import { careErrors } from './care';
import { consoleErrors } from './console';
import { contentErrors } from './content';
import { creditErrors } from './credits';
import { groupErrors } from './groups';
import { hourErrors } from './hours';
import { hubErrors } from './hubs';
import { memberErrors } from './members';
import { moderationErrors } from './moderation';
import { noticeErrors } from './notices';
import { needErrors } from './needs';
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
  careErrors,
  consoleErrors,
  contentErrors,
  creditErrors,
  groupErrors,
  hourErrors,
  hubErrors,
  memberErrors,
  moderationErrors,
  noticeErrors,
  needErrors,
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
