/** English twin of errors.care.zh-CN.ts. */
import type * as zh from './errors.care.zh-CN';

export const careEn: typeof zh.careZhCN = {
  not_found: 'This person is not on the register.',
  pair_not_found: 'This pairing does not exist.',
  closed: 'Care for this person has ended.',
  user_not_found: 'The linked resident account does not exist.',
  volunteer_not_found: 'No active volunteer has this number.',
  group_not_eligible: 'Only active groups of this community or its street can be paired.',
  already_paired: 'They are already paired with this person.',
  pair_ended: 'This pairing has already ended.',
  visit_date_after_today: 'The visit date cannot be later than today.',
  visit_date_too_old: 'Only visits within the last {days} days can be logged.',
  visit_before_registered: 'The visit date cannot be before the person was registered.',
};

/** The part's groups by function, as registered: errors.<function>.<case>. */
const refusals: typeof zh.default = { care: careEn };

export default refusals;
