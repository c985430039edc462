/**
 * The transport: the ONLY module that calls Taro.cloud or fetch (DESIGN §2).
 *  - weapp: Taro.cloud.callFunction({ name: <fn>, data: { action, input, requestId? } });
 *    the platform vouches for the caller's openid.
 *  - h5: POST `${TARO_APP_API_BASE}/api/functions/<fn>` with the dev-session bearer token.
 * Either way the reply is the envelope `{ ok, data } | { ok: false, error }`. Mutations carry a
 * requestId that is reused when a network failure is retried, so the server replays instead
 * of acting twice. Failures surface as `ClientError` with a code and a localized message.
 */
import Taro from '@tarojs/taro';
import type { ActionName, InputOf, OutputOf } from '../shared/api/contract';
import type { ErrorBody, ErrorCode, ErrorParams, FieldIssue } from '../shared/errors';
import { hasMessage, translate, type Locale } from '../locales';
import { errorTextOf } from '../locales/errors';
import { newRequestId } from '../utils/requestId';
import { serverIssueMessage } from '../utils/schemaErrors';
import { routes } from '../utils/routes';
import { specOf } from './actions';
import { serviceLocale } from './locale';
import { clearToken, getToken, setToken } from './token';

/** Server codes plus the two failures only a client can see. */
export type ClientErrorCode = ErrorCode | 'NETWORK' | 'BAD_RESPONSE';

/**
 * A failed call: stable `code`, localized `message`, field `issues` for INVALID_INPUT, and the
 * server's domain case (`reason`, e.g. `signups.already_signed_up`) when it named one.
 */
export class ClientError extends Error {
  // Set explicitly: minifiers rename classes, and isClientError() checks the name.
  override name = 'ClientError';
  readonly code: ClientErrorCode;
  readonly issues: FieldIssue[];
  readonly reason?: string;

  constructor(code: ClientErrorCode, message: string, issues: FieldIssue[] = [], reason?: string) {
    super(message);
    this.code = code;
    this.issues = issues;
    if (reason) this.reason = reason;
  }
}

export function isClientError(error: unknown): error is ClientError {
  return error instanceof Error && error.name === 'ClientError' && 'code' in error;
}

/** Waits between attempts after a network failure (then gives up with NETWORK). */
export const RETRY_DELAYS_MS: readonly number[] = [400, 1200];

/** Thrown inside this module only: the request may not have reached the server. */
class TransportFailure {
  constructor(readonly cause: unknown) {}
}

interface RequestBody {
  action: ActionName;
  input: unknown;
  requestId?: string;
  /** Which send of this requestId (2, 3 on resends): the server skips work a replay would undo. */
  attempt?: number;
}

/** The field's name for people, or null: a path like `serviceDate` is never shown as it is. */
function fieldLabel(path: string): string | null {
  const key = `fields.${path}`;
  return hasMessage(key) ? translate(serviceLocale(), key) : null;
}

/** The user-facing text of an error code, in the current language. */
export function messageFor(code: string, issues: FieldIssue[] = [], serverMessage?: string): string {
  const locale = serviceLocale();
  const key = `errors.${code}`;
  // The server's own messages are written in Chinese for residents and say exactly what happened
  // ("你已经报名了本次活动"); in Chinese they beat the catalogue's general text for the code.
  // In English the catalogue speaks; INTERNAL never shows what the server said.
  if (locale === 'zh-CN' && serverMessage && code !== 'INTERNAL' && code !== 'INVALID_INPUT') return serverMessage;
  const base = hasMessage(key) ? translate(locale, key) : (serverMessage ?? translate(locale, 'errors.INTERNAL'));
  if (code !== 'INVALID_INPUT' || issues.length === 0) return base;
  const details = issues
    .map((issue) => {
      // The server's messages name the problem in words ("只能申报 90 天内的服务"); a label is added only where we have one.
      const label = issue.path ? fieldLabel(issue.path) : null;
      // A message a shared schema wrote is said in the user's language (src/locales/schemaMessages.*).
      const message = serverIssueMessage((key, params) => translate(locale, key, params), issue);
      return label ? translate(locale, 'errors.issue', { field: label, message }) : message;
    })
    .join(translate(locale, 'errors.issueSeparator'));
  return translate(locale, 'errors.withIssues', { base, details });
}

/** The domain case a refusal named (src/shared/domainErrors), with its params. */
interface RefusalCase {
  reason: string;
  params?: ErrorParams;
}

/** The params of a refusal as sent, keeping only string and number values (they came over the wire). */
function paramsOf(value: unknown): ErrorParams | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const params: ErrorParams = {};
  for (const [name, param] of Object.entries(value)) if (typeof param === 'string' || typeof param === 'number') params[name] = param;
  return params;
}

/**
 * The issue of a field case in the reader's language (the server writes it in Chinese). A refusal
 * carries issues only when its case blames a field, and then exactly one, that field's
 * (src/shared/domainErrors/defineErrors.ts, errorOf) — so the app needs no table of the cases,
 * which would bring every function's texts into the main package.
 */
function localizedIssues(issues: FieldIssue[], refusal: RefusalCase, locale: Locale): FieldIssue[] {
  const [issue] = issues;
  if (!issue || issues.length !== 1) return issues;
  const text = errorTextOf(refusal.reason, locale, refusal.params, { field: true });
  return text === undefined ? issues : [{ ...issue, message: text }];
}

/**
 * The ClientError of an error envelope (exported for tests that stand in for the server). A
 * refusal that names a case the catalogue knows is said in the reader's language ("You have
 * already signed up for this activity"), a field case through its issue under the usual
 * "check what you entered" text; anything else goes through messageFor as before.
 */
export function clientErrorOf(body: ErrorBody): ClientError {
  const locale = serviceLocale();
  const sent = Array.isArray(body.issues) ? body.issues : [];
  const refusal: RefusalCase | undefined = typeof body.reason === 'string' ? { reason: body.reason, params: paramsOf(body.params) } : undefined;
  const issues = refusal ? localizedIssues(sent, refusal, locale) : sent;
  const caseText = refusal ? errorTextOf(refusal.reason, locale, refusal.params) : undefined;
  const message = caseText !== undefined && (body.code !== 'INVALID_INPUT' || issues.length === 0) ? caseText : messageFor(body.code, issues, body.message);
  return new ClientError(body.code, message, issues, refusal?.reason);
}

function clientError(code: ClientErrorCode): ClientError {
  return new ClientError(code, messageFor(code));
}

function isErrorBody(value: unknown): value is ErrorBody {
  if (typeof value !== 'object' || value === null) return false;
  const body = value as Record<string, unknown>;
  return typeof body.code === 'string' && typeof body.message === 'string';
}

/** Checks the envelope's shape; anything else is BAD_RESPONSE. Returns the data of `ok`. */
function openEnvelope(value: unknown): unknown {
  if (typeof value === 'object' && value !== null && 'ok' in value) {
    const envelope = value as { ok: unknown; data?: unknown; error?: unknown };
    if (envelope.ok === true) return envelope.data;
    if (envelope.ok === false && isErrorBody(envelope.error)) throw clientErrorOf(envelope.error);
  }
  throw clientError('BAD_RESPONSE');
}

const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Runs `send`, retrying transport failures with backoff; the caller's body (and requestId) stays
 * the same, and each resend says which send it is (`attempt`, from 2).
 */
async function withRetry<T>(send: (attempt: number) => Promise<T>): Promise<T> {
  for (let tries = 0; ; tries += 1) {
    try {
      return await send(tries + 1);
    } catch (error) {
      if (!(error instanceof TransportFailure)) throw error;
      if (tries >= RETRY_DELAYS_MS.length) throw clientError('NETWORK');
      await delay(RETRY_DELAYS_MS[tries]!);
    }
  }
}

/** The H5 session ended (or never began): forget the token and go to the sign-in page. */
function signInAgain(): void {
  clearToken();
  const pages = Taro.getCurrentPages();
  const current = `/${(pages[pages.length - 1]?.route ?? '').replace(/^\//, '')}`;
  // Several calls can fail at once; only the first one navigates.
  if (current !== routes.login) Taro.reLaunch({ url: routes.login }).catch(() => undefined);
}

async function sendWeapp(fn: string, body: RequestBody): Promise<unknown> {
  let result: unknown;
  try {
    const reply = await Taro.cloud.callFunction({ name: fn, data: { ...body } });
    result = reply.result;
  } catch (error) {
    throw new TransportFailure(error);
  }
  return openEnvelope(result);
}

function apiBase(): string {
  return process.env.TARO_APP_API_BASE ?? '';
}

async function postJson(path: string, body: unknown, token: string | null): Promise<{ status: number; json: unknown }> {
  let response: Response;
  try {
    response = await fetch(`${apiBase()}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    });
  } catch (error) {
    throw new TransportFailure(error);
  }
  // The local cloud still starting (503 UNAVAILABLE, with Retry-After): nothing ran, so the same
  // body is sent again after the usual back-off, as after a network failure.
  if (response.status === 503) throw new TransportFailure(new Error('service unavailable'));
  try {
    return { status: response.status, json: (await response.json()) as unknown };
  } catch (error) {
    // A gateway's HTML error page: the function may not have run; safe to retry with the same requestId.
    if (response.status >= 502) throw new TransportFailure(error);
    throw clientError('BAD_RESPONSE');
  }
}

/**
 * H5 call. A public action (proofs.verify: a proof's reader has no account) goes without the
 * token — a stale token must not turn a public check into a 401 — and never opens the sign-in.
 */
async function sendH5(fn: string, body: RequestBody, isPublic: boolean): Promise<unknown> {
  const { status, json } = await postJson(`/api/functions/${encodeURIComponent(fn)}`, body, isPublic ? null : getToken());
  try {
    return openEnvelope(json);
  } catch (error) {
    if (!isPublic && (status === 401 || (isClientError(error) && error.code === 'UNAUTHENTICATED'))) signInAgain();
    throw error;
  }
}

function issuesOf(error: { issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }> }): FieldIssue[] {
  return error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message }));
}

/**
 * Calls one action of the contract. Input is checked against the action's schema before it
 * leaves (same messages as the server), output after it arrives.
 */
export async function call<A extends ActionName>(action: A, input: InputOf<A>): Promise<OutputOf<A>> {
  const spec = specOf(action);
  const checked = spec.input.safeParse(input);
  if (!checked.success) {
    const issues = issuesOf(checked.error);
    throw new ClientError('INVALID_INPUT', messageFor('INVALID_INPUT', issues), issues);
  }
  const body: RequestBody = { action, input, ...(spec.mutation ? { requestId: newRequestId() } : {}) };
  const data = await withRetry((attempt) => {
    const sent: RequestBody = attempt > 1 && body.requestId ? { ...body, attempt } : body;
    return process.env.TARO_ENV === 'weapp' ? sendWeapp(spec.fn, sent) : sendH5(spec.fn, sent, spec.audience === 'public');
  });
  const parsed = spec.output.safeParse(data);
  if (!parsed.success) throw clientError('BAD_RESPONSE');
  return parsed.data as OutputOf<A>;
}

/** Connects to CloudBase; weapp only (the H5 build talks HTTP to the local cloud). */
export function initCloud(): void {
  if (process.env.TARO_ENV === 'weapp') {
    Taro.cloud.init({ env: process.env.TARO_APP_CLOUD_ENV || undefined, traceUser: true });
  }
}

export interface DevSession {
  token: string;
  openid: string;
}

/**
 * H5 on the local cloud: starts a dev session for a demo openid or a new resident with a
 * nickname, and keeps its token for later calls.
 */
export async function devSignIn(request: { openid?: string; nickname?: string }): Promise<DevSession> {
  const { status, json } = await withRetry(() => postJson('/api/dev/session', request, null));
  if (status !== 200) {
    openEnvelope(json);
    throw clientError('BAD_RESPONSE');
  }
  const session = json as Partial<DevSession>;
  if (typeof session.token !== 'string' || typeof session.openid !== 'string') throw clientError('BAD_RESPONSE');
  setToken(session.token);
  return { token: session.token, openid: session.openid };
}

/** Ends the H5 dev session on this device. */
export function signOut(): void {
  clearToken();
}

/** True when calls can be made: weapp always; H5 once a dev session exists. */
export function hasSession(): boolean {
  return process.env.TARO_ENV === 'weapp' || getToken() !== null;
}

/** weapp: uploads a chosen avatar to cloud storage and returns its cloud:// file id. */
export async function uploadAvatar(tempFilePath: string): Promise<string> {
  const extension = /\.(\w{1,5})$/.exec(tempFilePath)?.[1] ?? 'png';
  try {
    const result = await Taro.cloud.uploadFile({ cloudPath: `avatars/${newRequestId()}.${extension}`, filePath: tempFilePath });
    return result.fileID;
  } catch {
    throw clientError('NETWORK');
  }
}

/**
 * weapp: uploads a spreadsheet chosen with chooseMessageFile for the region import and answers
 * its cloud file id. The folder is the one regions.import accepts (imports/regions/).
 */
export async function uploadImportFile(tempFilePath: string, fileName: string): Promise<string> {
  // regions.import's FileName schema has already accepted the name (.xlsx or .csv).
  const extension = fileName.toLowerCase().endsWith('.csv') ? 'csv' : 'xlsx';
  try {
    const result = await Taro.cloud.uploadFile({ cloudPath: `imports/regions/${newRequestId()}.${extension}`, filePath: tempFilePath });
    return result.fileID;
  } catch {
    throw clientError('NETWORK');
  }
}

/** Where an uploaded image goes (the storage folder, and the `kind` of the H5 upload). */
export type ImageKind = 'posts' | 'covers' | 'evidence' | 'store';

/**
 * Uploads one chosen image (Taro.chooseImage's temp path) and returns its cloud file id.
 * weapp: Taro.cloud.uploadFile. H5: the temp path is a blob: URL; its bytes are POSTed as the raw
 * body to the local cloud's /api/files (the H5 counterpart of uploadFile, signed in).
 * Not retried: a repeated upload only leaves an unused file, but the caller decides to retry.
 */
export async function uploadImage(localPath: string, kind: ImageKind): Promise<string> {
  if (process.env.TARO_ENV === 'weapp') {
    const extension = /\.(\w{1,5})$/.exec(localPath)?.[1] ?? 'jpg';
    try {
      const result = await Taro.cloud.uploadFile({ cloudPath: `${kind}/${newRequestId()}.${extension}`, filePath: localPath });
      return result.fileID;
    } catch {
      throw clientError('NETWORK');
    }
  }
  let image: Blob;
  try {
    image = await (await fetch(localPath)).blob();
  } catch {
    // The browser no longer has the chosen file (e.g. the page was reloaded).
    throw clientError('INTERNAL');
  }
  const token = getToken();
  let response: Response;
  try {
    response = await fetch(`${apiBase()}/api/files?kind=${kind}`, {
      method: 'POST',
      headers: { 'content-type': image.type || 'application/octet-stream', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: image,
    });
  } catch {
    throw clientError('NETWORK');
  }
  let json: unknown;
  try {
    json = await response.json();
  } catch {
    throw clientError(response.status >= 502 ? 'NETWORK' : 'BAD_RESPONSE');
  }
  let data: unknown;
  try {
    data = openEnvelope(json);
  } catch (error) {
    if (response.status === 401) signInAgain();
    throw error;
  }
  const fileID = typeof data === 'object' && data !== null ? (data as { fileID?: unknown }).fileID : undefined;
  if (typeof fileID !== 'string' || fileID === '') throw clientError('BAD_RESPONSE');
  return fileID;
}

/**
 * weapp: a stored file by its cloud file id (cloud://…) into a temp file. wx.cloud.downloadFile
 * needs no "downloadFile legal domain" in the mini-program's settings, unlike the temporary
 * https link the server also answers, and the id does not expire.
 */
export async function downloadCloudFile(fileId: string): Promise<string> {
  const result = await Taro.cloud.downloadFile({ fileID: fileId });
  if (result.statusCode !== undefined && result.statusCode !== 200) throw new Error(`cloud download failed: ${result.statusCode}`);
  return result.tempFilePath;
}
