/**
 * The activity form's values, their defaults (from now or from an activity being edited) and
 * the check that turns them into the fields of activities.create / activities.update, with a
 * message per field in the user's language. The server checks again with its own schema.
 */
import type { ActivityCategory, ActivityDetail } from '../../shared/schemas/activities';
import type { FieldIssue } from '../../shared/errors';
import type { MessageKey, Translate } from '../../locales';
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

const length = (value: string) => Array.from(value.trim()).length;
const isNumber = (value: string) => value.trim() !== '' && Number.isFinite(Number(value));
const isInt = (value: string) => /^\d+$/.test(value.trim());

export interface Checked {
  fields: ActivityFields | null;
  repeatWeeks: number;
  errors: FieldErrors;
}

/** Checks the form; `fields` is null when any field has an error. */
export function checkForm(values: FormValues, t: Translate, now: number, editing: boolean): Checked {
  const errors: FieldErrors = {};
  const fail = (field: FieldName, key: MessageKey, params?: Record<string, string | number>) => {
    errors[field] ??= t(key, params);
  };

  if (length(values.title) < 2 || length(values.title) > 40) fail('title', 'events.form.errors.title');
  if (length(values.description) < 10 || length(values.description) > 2000) fail('description', 'events.form.errors.description');
  if (!values.category) fail('category', 'events.form.errors.category');
  if (length(values.locationName) < 1 || length(values.locationName) > 50) fail('locationName', 'events.form.errors.locationName');
  if (length(values.locationAddress) < 1 || length(values.locationAddress) > 120) fail('locationAddress', 'events.form.errors.locationAddress');

  const startAt = chinaIso(values.startDay, values.startClock);
  const endAt = chinaIso(values.endDay, values.endClock);
  const start = new Date(startAt).getTime();
  const end = new Date(endAt).getTime();
  if (!Number.isFinite(start)) fail('start', 'events.form.errors.time');
  else if (!editing && start <= now) fail('start', 'events.form.errors.startPast');
  if (!Number.isFinite(end)) fail('end', 'events.form.errors.time');
  else if (end <= start) fail('end', 'events.form.errors.endBeforeStart');
  else if (end - start > TIME.DAY) fail('end', 'events.form.errors.tooLong');

  if (!isInt(values.capacity) || Number(values.capacity) < 1 || Number(values.capacity) > 5000) fail('capacity', 'events.form.errors.capacity');

  let window: { signupOpenAt: string; signupCloseAt: string } | null = null;
  if (values.customWindow) {
    window = { signupOpenAt: chinaIso(values.openDay, values.openClock), signupCloseAt: chinaIso(values.closeDay, values.closeClock) };
    const open = new Date(window.signupOpenAt).getTime();
    const close = new Date(window.signupCloseAt).getTime();
    if (!Number.isFinite(open) || !Number.isFinite(close)) fail('window', 'events.form.errors.time');
    else if (close > start) fail('window', 'events.form.errors.closeAfterStart');
    else if (open >= close) fail('window', 'events.form.errors.openAfterClose');
  }

  let volunteer: ActivityFields['volunteer'] = null;
  if (values.volunteer) {
    const hours = Number(values.plannedHours);
    if (!isNumber(values.plannedHours) || hours < 0.5 || hours > 24) fail('plannedHours', 'events.form.errors.plannedHours');
    if (!isInt(values.creditsPerHour) || Number(values.creditsPerHour) > 100) fail('creditsPerHour', 'events.form.errors.creditsPerHour');
    volunteer = { plannedHours: hours, creditsPerHour: Number(values.creditsPerHour) };
  }

  const skills = values.skills
    .split(/[,，、;；\s]+/)
    .map((skill) => skill.trim())
    .filter((skill) => skill !== '');
  if (skills.length > 10 || skills.some((skill) => length(skill) > 10)) fail('skills', 'events.form.errors.skills');

  let minAge: number | null = null;
  if (values.minAge.trim() !== '') {
    if (!isInt(values.minAge) || Number(values.minAge) > 100) fail('minAge', 'events.form.errors.minAge');
    minAge = Number(values.minAge);
  }

  const repeatWeeks = editing ? 1 : Number(values.repeatWeeks);
  if (!editing && (!isInt(values.repeatWeeks) || repeatWeeks < 1 || repeatWeeks > 12)) fail('repeatWeeks', 'events.form.errors.repeatWeeks');

  if (Object.keys(errors).length > 0 || !values.category) return { fields: null, repeatWeeks, errors };
  return {
    fields: {
      title: values.title.trim(),
      description: values.description.trim(),
      category: values.category,
      startAt,
      endAt,
      location: { name: values.locationName.trim(), address: values.locationAddress.trim(), latitude: values.latitude, longitude: values.longitude },
      capacity: Number(values.capacity),
      ...(window ?? {}),
      ...(values.cutoffHours !== null ? { cancelCutoffHours: values.cutoffHours } : {}),
      skills: [...new Set(skills)],
      minAge,
      volunteer,
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
