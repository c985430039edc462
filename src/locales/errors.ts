/**
 * A server refusal in the reader's language: the text of the case its envelope names by
 * `reason` (src/shared/domainErrors), from this locale's catalogue (errors.<reason>, and
 * errorIssues.<reason> for a field case's issue in its own words; errors.zh-CN.ts / errors.en.ts).
 */
import { hasMessage, translate, type Locale, type MessageParams } from './index';

/** A reason as the catalogue keys it (`signups.already_signed_up`); anything else from the wire is not looked up. */
const REASON = /^[a-z]+\.[a-z]+(_[a-z]+)*$/;

/**
 * The text of a case in `locale`: the message, or with `field: true` the text of the issue of a
 * case that blames a field. Undefined when the reason is unknown (a newer server than this app).
 */
export function errorTextOf(reason: string, locale: Locale, params?: MessageParams, options: { field?: boolean } = {}): string | undefined {
  const key = `errors.${reason}`;
  if (!REASON.test(reason) || !hasMessage(key)) return undefined;
  const issueKey = `errorIssues.${reason}`;
  return translate(locale, options.field && hasMessage(issueKey) ? issueKey : key, params);
}
