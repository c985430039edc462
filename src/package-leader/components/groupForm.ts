/**
 * The founding form's values, its checks and the conversion to the contract's input. Each field
 * is judged by its own schema (src/shared/schemas/groups.ts) and worded in the user's
 * language with the field's name; the whole schema runs last (placement rules across fields),
 * so nothing the server would refuse is sent.
 */
import type { InputOf } from '../../shared/api/contract';
import type { FieldIssue } from '../../shared/errors';
import { GroupsFoundInput } from '../../shared/schemas/groups';
import type { GroupDetail, GroupType, JoinPolicy, ManagementLevel } from '../../shared/schemas/groups';
import type { Translate } from '../../locales';
import { textLimit } from '../../utils/formLimits';
import { issueMessage } from '../../utils/schemaErrors';
import type { ZodType } from '../../shared/zod';
import { isClientError } from '../../services/cloud';
import { errorMessage } from '../../hooks/useAsync';

export interface GroupFormValues {
  name: string;
  type: GroupType | null;
  managementLevel: ManagementLevel | null;
  /** Where the group sits: a community, or (hub organizations only) a street. */
  placement: 'community' | 'street';
  communityId: string | null;
  streetId: string | null;
  description: string;
  tags: string[];
  contactName: string;
  contactPhone: string;
  joinPolicy: JoinPolicy;
  noShowLimit: number;
  cancelCutoffHours: number;
  /** Where the group meets (optional): empty texts and no point when not given. */
  place: MeetingPlaceValue;
}

/** The meeting place as the form holds it: texts as typed, the point from the map or the browser. */
export interface MeetingPlaceValue {
  name: string;
  address: string;
  latitude: number | null;
  longitude: number | null;
}

export const NO_PLACE: MeetingPlaceValue = { name: '', address: '', latitude: null, longitude: null };

/** The form's place from a group's (none: empty). */
export function placeValueOf(place: GroupDetail['place']): MeetingPlaceValue {
  return place ? { name: place.name, address: place.address, latitude: place.latitude, longitude: place.longitude } : NO_PLACE;
}

/** The contract's place: null when both texts are empty (the point alone names no place). */
export function placeInputOf(value: MeetingPlaceValue): FoundInput['place'] {
  const name = value.name.trim();
  const address = value.address.trim();
  if (!name && !address) return null;
  return { name, address, latitude: value.latitude, longitude: value.longitude };
}

/** A half-filled place (a name without an address, or the other way round), else null. */
export function placeProblem(t: Translate, value: MeetingPlaceValue): string | null {
  const name = value.name.trim();
  const address = value.address.trim();
  if (!name && !address) return null;
  if (!name || !address) return t('registry.form.placeIncomplete');
  const place = fields.place.unwrap().unwrap().shape;
  return fieldProblem(t, place.name, name, t('registry.form.placeName')) ?? fieldProblem(t, place.address, address, t('registry.form.placeAddress'));
}

export type GroupFormField = keyof GroupFormValues;
export type FieldErrors = Partial<Record<GroupFormField, string>>;

/** The contract's defaults (noShowLimit 3, cancelCutoffHours 24). */
export function emptyGroupForm(homeCommunityId: string | null): GroupFormValues {
  return {
    name: '',
    type: null,
    managementLevel: null,
    placement: 'community',
    communityId: homeCommunityId,
    streetId: null,
    description: '',
    tags: [],
    contactName: '',
    contactPhone: '',
    joinPolicy: 'approval',
    noShowLimit: 3,
    cancelCutoffHours: 24,
    place: NO_PLACE,
  };
}

/**
 * A rejected application as the form to correct. Contact details come masked to the applicant
 * (they are not a member yet), so they are left empty to be entered again; a street hub's
 * street is resolved by the caller (the detail carries only its name).
 */
export function formFromGroup(group: GroupDetail, streetId: string | null): GroupFormValues {
  const contact = group.contact && !group.contact.masked ? group.contact : null;
  return {
    ...emptyGroupForm(group.communityId),
    name: group.name,
    type: group.type,
    managementLevel: group.managementLevel,
    placement: group.communityId === null ? 'street' : 'community',
    streetId: group.communityId === null ? streetId : null,
    description: group.description,
    tags: [...group.tags],
    contactName: contact?.name ?? '',
    contactPhone: contact?.phone ?? '',
    joinPolicy: group.joinPolicy,
    place: placeValueOf(group.place),
  };
}

/** Limits read from the contract (GroupsFoundInput), for counters, messages and steppers. */
const fields = GroupsFoundInput.shape;
export const NAME_LIMIT = textLimit(fields.name);
export const DESCRIPTION_LIMIT = textLimit(fields.description);
export const CONTACT_NAME_LIMIT = textLimit(fields.contactName);
export const TAG_MAX = textLimit(fields.tags.unwrap().element).max;
// zod 4 keeps an array's bounds in its bag (zod/v4/core checks.js `$ZodCheckMaxLength` sets
// `bag.maximum`), so the tag count is read from the schema like the text limits.
export const TAGS_MAX = Number(fields.tags.unwrap()._zod.bag.maximum ?? Number.POSITIVE_INFINITY);
export const NO_SHOW_MAX = fields.noShowLimit.unwrap().maxValue ?? 0;
export const CUTOFF_MAX = fields.cancelCutoffHours.unwrap().maxValue ?? 0;

/**
 * What the field's own schema says of a value, worded with the field's name ("小组名称至少 2
 * 个字"): an empty field is asked for, a length names its bound from the issue, anything else is
 * the schema's own message in the user's language. No rule is written here.
 */
function fieldProblem(t: Translate, schema: ZodType, value: string, label: string): string | null {
  if (value.trim() === '') return t('registry.errors.required', { field: label });
  const parsed = schema.safeParse(value);
  if (parsed.success) return null;
  const issue = parsed.error.issues[0]!;
  if (issue.code === 'too_small' && issue.origin === 'string') return t('registry.errors.tooShort', { field: label, min: Number(issue.minimum) });
  if (issue.code === 'too_big' && issue.origin === 'string') return t('registry.errors.tooLong', { field: label, max: Number(issue.maximum) });
  return issueMessage(t, issue, value);
}

/** A contact phone problem, or null (the schema's Phone: mainland mobile or landline). */
export function phoneProblem(t: Translate, phone: string): string | null {
  return fieldProblem(t, fields.contactPhone, phone, t('registry.form.contactPhone'));
}

/** Text checks shared by founding and editing: description and contact. */
export function checkDescription(t: Translate, description: string): string | null {
  return fieldProblem(t, fields.description, description, t('registry.form.description'));
}

export function checkContactName(t: Translate, name: string): string | null {
  return fieldProblem(t, fields.contactName, name, t('registry.form.contactName'));
}

/** Every problem of the founding form, by field. */
export function validateGroupForm(values: GroupFormValues, t: Translate): FieldErrors {
  const errors: FieldErrors = {};
  const set = (field: GroupFormField, problem: string | null) => {
    if (problem) errors[field] = problem;
  };
  set('name', fieldProblem(t, fields.name, values.name, t('registry.form.name')));
  if (!values.type) set('type', t('registry.errors.choose', { field: t('registry.form.type') }));
  if (!values.managementLevel) set('managementLevel', t('registry.errors.choose', { field: t('registry.form.level') }));
  const atStreet = values.type === 'hub' && values.placement === 'street';
  if (atStreet) {
    if (!values.streetId) set('streetId', t('registry.errors.choose', { field: t('registry.form.street') }));
    if (values.managementLevel === 'community') set('managementLevel', t('registry.form.streetNeedsLevel'));
  } else if (!values.communityId) {
    set('communityId', t('registry.errors.choose', { field: t('registry.form.community') }));
  }
  set('description', checkDescription(t, values.description));
  set('contactName', checkContactName(t, values.contactName));
  set('contactPhone', phoneProblem(t, values.contactPhone));
  const tags = fields.tags.safeParse(values.tags);
  if (!tags.success) set('tags', issueMessage(t, tags.error.issues[0]!, values.tags));
  set('place', placeProblem(t, values.place));
  return errors;
}

export type FoundInput = InputOf<'groups.found'>;

/** The contract input of a valid form (call validateGroupForm first). */
export function toFoundInput(values: GroupFormValues): FoundInput {
  const place = placeInputOf(values.place);
  const atStreet = values.type === 'hub' && values.placement === 'street';
  return {
    name: values.name.trim(),
    type: values.type ?? 'service',
    managementLevel: values.managementLevel ?? 'community',
    communityId: atStreet ? null : values.communityId,
    ...(atStreet && values.streetId ? { streetId: values.streetId } : {}),
    description: values.description.trim(),
    tags: values.tags,
    contactName: values.contactName.trim(),
    contactPhone: values.contactPhone.trim(),
    joinPolicy: values.joinPolicy,
    noShowLimit: values.noShowLimit,
    cancelCutoffHours: values.cancelCutoffHours,
    // Left out when not given (the schema's default is none, also on a resubmission).
    ...(place ? { place } : {}),
  };
}

const FORM_FIELDS: readonly GroupFormField[] = [
  'name',
  'type',
  'managementLevel',
  'placement',
  'communityId',
  'streetId',
  'description',
  'tags',
  'contactName',
  'contactPhone',
  'joinPolicy',
  'noShowLimit',
  'cancelCutoffHours',
  'place',
];

function isFormField(path: string): path is GroupFormField {
  return (FORM_FIELDS as readonly string[]).includes(path);
}

/** The schema's own verdict on an input, as field errors (server messages; empty when it passes). */
export function schemaErrors(input: FoundInput, t: Translate): FieldErrors {
  const parsed = GroupsFoundInput.safeParse(input);
  if (parsed.success) return {};
  return issuesToErrors(parsed.error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issueMessage(t, issue, input) })), (issue) => issue.message);
}

function issuesToErrors(issues: FieldIssue[], message: (issue: FieldIssue) => string): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const field = issue.path.split('.')[0] ?? '';
    if (isFormField(field) && !errors[field]) errors[field] = message(issue);
  }
  return errors;
}

export interface SubmitFailure {
  /** Messages to show next to fields. */
  fields: FieldErrors;
  /** A message for the whole form when no field is to blame. */
  general: string | null;
}

/**
 * A failed submission, put where the user will look: content-check verdicts and input issues
 * next to their field (CONTENT_REVIEW asks to rephrase, CONTENT_REJECTED refuses), anything
 * else above the submit button.
 */
export function submitFailure(error: unknown, t: Translate): SubmitFailure {
  if (isClientError(error) && error.issues.length > 0) {
    const message =
      error.code === 'CONTENT_REVIEW'
        ? () => t('registry.form.contentReview')
        : error.code === 'CONTENT_REJECTED'
          ? () => t('registry.form.contentRejected')
          : (issue: FieldIssue) => issue.message;
    const fields = issuesToErrors(error.issues, message);
    if (Object.keys(fields).length > 0) return { fields, general: null };
  }
  return { fields: {}, general: errorMessage(error) };
}
