/**
 * The activity form's values, their defaults (from now or from an activity being edited) and
 * the check that turns them into the fields of activities.create / activities.update, with a
 * message per field in the user's language. The server checks again with its own schema.
 */
import { ActivitiesCreateInput, ActivityFieldsInput, ActivityTimes, type ActivityCategory, type ActivityDetail } from '../../shared/schemas/activities';
import type { FieldIssue } from '../../shared/errors';
import type { MessageKey, Translate } from '../../locales';
import { textLimit, type TextLimit } from '../../utils/formLimits';
import { issueMessage, schemaFieldErrors, type SchemaIssue } from '../../utils/schemaErrors';
import { chinaClock, chinaDay, chinaIso, hoursBetween, TIME } from '../../utils/chinaTime';

export interface FormValues {
  title: string;
  description: string;
  category: ActivityCategory | null;
  startDay: string;
  startClock: string;
  endDay: string;
  endClock: string;
  locationName: string;
  locationAddress: string;
  latitude: number | null;
  longitude: number | null;
  capacity: string;
  /** Off: sign-up is open from now until the start. */
  customWindow: boolean;
  openDay: string;
  openClock: string;
  closeDay: string;
  closeClock: string;
  /** Hours before the start after which a cancellation counts as late; null = the group's rule. */
  cutoffHours: number | null;
  volunteer: boolean;
  plannedHours: string;
  creditsPerHour: string;
  approvalRequired: boolean;
  offerWindowHours: number;
  repeatWeeks: string;
  /** Comma-separated. */
  skills: string;
  minAge: string;
}

export type FieldName = keyof FormValues | 'start' | 'end' | 'window';
export type FieldErrors = Partial<Record<FieldName, string>>;

/** The activity fields both actions share (activities.create adds groupId and repeatWeeks). */
export interface ActivityFields {
  title: string;
  description: string;
  category: ActivityCategory;
  startAt: string;
  endAt: string;
  location: { name: string; address: string; latitude: number | null; longitude: number | null };
  capacity: number;
  signupOpenAt?: string;
  signupCloseAt?: string;
  cancelCutoffHours?: number;
  skills: string[];
  minAge: number | null;
  volunteer: { plannedHours: number; creditsPerHour: number } | null;
  approvalRequired: boolean;
  offerWindowHours: number;
}

/** A new activity: tomorrow 09:00–11:00 China time, 20 seats, sign-up open until the start. */
export function defaultValues(now: number): FormValues {
  const tomorrow = chinaDay(now + TIME.DAY);
  return {
    title: '',
    description: '',
    category: null,
    startDay: tomorrow,
    startClock: '09:00',
    endDay: tomorrow,
    endClock: '11:00',
    locationName: '',
    locationAddress: '',
    latitude: null,
    longitude: null,
    capacity: '20',
    customWindow: false,
    openDay: chinaDay(now),
    openClock: chinaClock(now),
    closeDay: tomorrow,
    closeClock: '08:00',
    cutoffHours: null,
    volunteer: false,
    plannedHours: '2',
    creditsPerHour: '10',
    approvalRequired: false,
    offerWindowHours: 12,
    repeatWeeks: '1',
    skills: '',
    minAge: '',
  };
}

/** The form as an existing activity fills it (editing). */
export function valuesOf(activity: ActivityDetail): FormValues {
  // The server stores "open from the start of time" as the epoch and "until the start" as the start.
  const opensEarly = new Date(activity.signupOpenAt).getTime() <= 0;
  const closesAtStart = activity.signupCloseAt === activity.startAt;
  return {
    title: activity.title,
    description: activity.description,
    category: activity.category,
    startDay: chinaDay(activity.startAt),
    startClock: chinaClock(activity.startAt),
    endDay: chinaDay(activity.endAt),
    endClock: chinaClock(activity.endAt),
    locationName: activity.location.name,
    locationAddress: activity.location.address,
    latitude: activity.location.latitude,
    longitude: activity.location.longitude,
    capacity: String(activity.capacity),
    customWindow: !opensEarly || !closesAtStart,
    openDay: chinaDay(opensEarly ? Date.now() : activity.signupOpenAt),
    openClock: chinaClock(opensEarly ? Date.now() : activity.signupOpenAt),
    closeDay: chinaDay(activity.signupCloseAt),
    closeClock: chinaClock(activity.signupCloseAt),
    cutoffHours: hoursBetween(activity.cancelCutoffAt, activity.startAt),
    volunteer: activity.volunteer !== null,
    plannedHours: String(activity.volunteer?.plannedHours ?? 2),
    creditsPerHour: String(activity.volunteer?.creditsPerHour ?? 10),
    approvalRequired: activity.approvalRequired,
    offerWindowHours: activity.offerWindowHours,
    repeatWeeks: '1',
    skills: activity.skills.join(', '),
    minAge: activity.minAge === null ? '' : String(activity.minAge),
  };
}

const isInt = (value: string) => /^\d+$/.test(value.trim());
/** A typed number, or NaN for an empty or non-numeric box (the schema refuses NaN). */
const numberOf = (value: string) => (value.trim() === '' ? Number.NaN : Number(value));

const shape = ActivitiesCreateInput.shape;
/**
 * The form's limits, read from the contract (src/shared/schemas/activities.ts) so counters and
 * messages say what the server enforces.
 */
export const ACTIVITY_LIMITS = {
  title: textLimit(shape.title),
  description: textLimit(shape.description),
  locationName: textLimit(shape.location.shape.name),
  locationAddress: textLimit(shape.location.shape.address),
  skill: textLimit(shape.skills.unwrap().element),
} as const;
const bounds = (schema: { minValue: number | null; maxValue: number | null }) => ({ min: schema.minValue ?? 0, max: schema.maxValue ?? 0 });
const volunteerShape = shape.volunteer.unwrap().unwrap().shape;

/** The message of a field the schema refused, in the user's language, with the schema's bounds. */
function fieldMessage(t: Translate, field: FieldName, issue: SchemaIssue, input: unknown): string {
  const text = (key: MessageKey, limit: TextLimit) => (issue.code === 'too_big' && issue.origin === 'string' ? issueMessage(t, issue, input) : t(key, { ...limit }));
  switch (field) {
    case 'title':
      return text('events.form.errors.title', ACTIVITY_LIMITS.title);
    case 'description':
      return text('events.form.errors.description', ACTIVITY_LIMITS.description);
    case 'locationName':
      return text('events.form.errors.locationName', ACTIVITY_LIMITS.locationName);
    case 'locationAddress':
      return text('events.form.errors.locationAddress', ACTIVITY_LIMITS.locationAddress);
    case 'category':
      return t('events.form.errors.category');
    case 'capacity':
      return t('events.form.errors.capacity', bounds(shape.capacity));
    case 'plannedHours':
      return t('events.form.errors.plannedHours', bounds(volunteerShape.plannedHours));
    case 'creditsPerHour':
      return t('events.form.errors.creditsPerHour', bounds(volunteerShape.creditsPerHour));
    case 'minAge':
      return t('events.form.errors.minAge', bounds(shape.minAge.unwrap().unwrap()));
    case 'skills':
      return t('events.form.errors.skills', { max: ACTIVITY_LIMITS.skill.max });
    case 'start':
    case 'end':
    case 'window':
      // An order rule of the schema in its own words; a time that is not one as such.
      return issue.code === 'custom' ? issueMessage(t, issue, input) : t('events.form.errors.time');
    default:
      return issue.message;
  }
}

export interface Checked {
  fields: ActivityFields | null;
  repeatWeeks: number;
  errors: FieldErrors;
}

/**
 * Checks the form with the contract's own schema (ActivityFieldsInput), plus what only the form
 * knows (a new activity starts in the future, dates that are not dates, the order of the times
 * in words); `fields` is null when any field has an error. Nothing is trimmed or cut silently.
 */
export function checkForm(values: FormValues, t: Translate, now: number, editing: boolean): Checked {
  const errors: FieldErrors = {};
  const fail = (field: FieldName, key: MessageKey, params?: Record<string, string | number>) => {
    errors[field] ??= t(key, params);
  };

  const startAt = chinaIso(values.startDay, values.startClock);
  const endAt = chinaIso(values.endDay, values.endClock);
  const start = new Date(startAt).getTime();
  const end = new Date(endAt).getTime();
  if (!Number.isFinite(start)) fail('start', 'events.form.errors.time');
  else if (!editing && start <= now) fail('start', 'events.form.errors.startPast');
  if (!Number.isFinite(end)) fail('end', 'events.form.errors.time');

  let window: { signupOpenAt: string; signupCloseAt: string } | null = null;
  if (values.customWindow) {
    window = { signupOpenAt: chinaIso(values.openDay, values.openClock), signupCloseAt: chinaIso(values.closeDay, values.closeClock) };
    const open = new Date(window.signupOpenAt).getTime();
    const close = new Date(window.signupCloseAt).getTime();
    if (!Number.isFinite(open) || !Number.isFinite(close)) fail('window', 'events.form.errors.time');
  }
  // The order of the times (end after start, at most a day, the sign-up window before the start)
  // is the schema's rule: judged by ActivityTimes, said in the user's language.
  const times = { startAt, endAt, ...(window ?? {}) };
  const order = schemaFieldErrors(ActivityTimes, times, (path) => fieldOfIssue({ path, message: '' }), (issue) => issueMessage(t, issue, times));
  for (const [field, message] of Object.entries(order) as Array<[FieldName, string]>) errors[field] ??= message;

  const skills = values.skills
    .split(/[,，、;；\s]+/)
    .map((skill) => skill.trim())
    .filter((skill) => skill !== '');
  const candidate = {
    title: values.title,
    description: values.description,
    category: values.category ?? undefined,
    startAt,
    endAt,
    location: { name: values.locationName, address: values.locationAddress, latitude: values.latitude, longitude: values.longitude },
    capacity: isInt(values.capacity) ? Number(values.capacity) : Number.NaN,
    ...(window ?? {}),
    ...(values.cutoffHours !== null ? { cancelCutoffHours: values.cutoffHours } : {}),
    skills: [...new Set(skills)],
    minAge: values.minAge.trim() === '' ? null : isInt(values.minAge) ? Number(values.minAge) : Number.NaN,
    volunteer: values.volunteer ? { plannedHours: numberOf(values.plannedHours), creditsPerHour: isInt(values.creditsPerHour) ? Number(values.creditsPerHour) : Number.NaN } : null,
    approvalRequired: values.approvalRequired,
    offerWindowHours: values.offerWindowHours,
  };
  const judged = schemaFieldErrors(ActivityFieldsInput, candidate, (path) => fieldOfIssue({ path, message: '' }), (issue, field) => fieldMessage(t, field, issue, candidate));
  for (const [field, message] of Object.entries(judged) as Array<[FieldName, string]>) errors[field] ??= message;

  const repeatWeeks = editing ? 1 : numberOf(values.repeatWeeks);
  if (!editing && !shape.repeatWeeks.safeParse(isInt(values.repeatWeeks) ? repeatWeeks : Number.NaN).success) {
    fail('repeatWeeks', 'events.form.errors.repeatWeeks', bounds(shape.repeatWeeks.unwrap()));
  }

  const parsed = ActivityFieldsInput.safeParse(candidate);
  if (Object.keys(errors).length > 0 || !parsed.success || !values.category) return { fields: null, repeatWeeks, errors };
  return {
    fields: {
      title: parsed.data.title,
      description: parsed.data.description,
      category: values.category,
      startAt,
      endAt,
      location: { name: parsed.data.location.name, address: parsed.data.location.address, latitude: values.latitude, longitude: values.longitude },
      capacity: parsed.data.capacity,
      ...(window ?? {}),
      ...(values.cutoffHours !== null ? { cancelCutoffHours: values.cutoffHours } : {}),
      skills: parsed.data.skills,
      minAge: parsed.data.minAge,
      volunteer: parsed.data.volunteer,
      approvalRequired: values.approvalRequired,
      offerWindowHours: values.offerWindowHours,
    },
    repeatWeeks,
    errors,
  };
}

/** Where a server-side issue belongs on the form (`location.name` → the place name field). */
export function fieldOfIssue(issue: FieldIssue): FieldName | null {
  const map: Record<string, FieldName> = {
    title: 'title',
    description: 'description',
    category: 'category',
    startAt: 'start',
    endAt: 'end',
    'location.name': 'locationName',
    'location.address': 'locationAddress',
    capacity: 'capacity',
    signupOpenAt: 'window',
    signupCloseAt: 'window',
    'volunteer.plannedHours': 'plannedHours',
    'volunteer.creditsPerHour': 'creditsPerHour',
    skills: 'skills',
    minAge: 'minAge',
    repeatWeeks: 'repeatWeeks',
  };
  return map[issue.path] ?? map[issue.path.split('.')[0] ?? ''] ?? null;
}
