/**
 * CloudBase's limits on a function call, as the local cloud keeps them (docs/limits.md).
 *
 * - Timeout: each function's `timeout` (seconds) in its config.json, the value deployed as the
 *   function's `Timeout`; a call still running then fails with `FUNCTIONS_TIME_LIMIT_EXCEEDED`
 *   ("云函数执行超时，函数运行时间超过了配置的最大执行时间", docs.cloudbase.net/error-code/FUNCTIONS_TIME_LIMIT_EXCEEDED).
 * - Memory: the function's `memorySize` (MB), here the old-generation heap of its instance's thread.
 * - Payload: 6 MB for a function's request and for its response ("云函数请求体最大限制 … 6MB",
 *   docs.cloudbase.net/error-code/EXCEED_MAX_PAYLOAD_SIZE); over it the call fails with `EXCEED_MAX_PAYLOAD_SIZE`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from './config';

/** CloudBase's request and response limit of a function call, in bytes. */
export const MAX_PAYLOAD_BYTES = 6 * 1024 * 1024;

/** Codes a failed call surfaces with, as CloudBase's callFunction rejects (node-sdk throws `{ code, message }`). */
export type FunctionFailureCode = 'FUNCTIONS_TIME_LIMIT_EXCEEDED' | 'EXCEED_MAX_PAYLOAD_SIZE' | 'FUNCTIONS_EXECUTE_FAIL';

/** A call the platform failed (not the function's own error envelope): timed out, too large, or its instance died. */
export class FunctionCallFailed extends Error {
  override name = 'FunctionCallFailed';
  constructor(
    readonly code: FunctionFailureCode,
    message: string,
  ) {
    super(message);
  }
}

export interface FunctionLimits {
  timeoutMs: number;
  memoryMb: number;
}

/** CloudBase's defaults for a function deployed without them: 3 s and 256 MB (SCF `CreateFunction` defaults). */
const DEFAULT_TIMEOUT_SECONDS = 3;
const DEFAULT_MEMORY_MB = 256;

/**
 * The limits of `fn` from its config.json. `LINLI_FUNCTION_TIMEOUT_SECONDS` overrides every
 * function's timeout (tests use a short one to see a timeout happen without waiting 10 s).
 */
export function limitsOf(fn: string, env: NodeJS.ProcessEnv = process.env): FunctionLimits {
  const file = join(projectRoot, 'cloudfunctions', fn, 'config.json');
  const config = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as { timeout?: unknown; memorySize?: unknown }) : {};
  const override = Number(env.LINLI_FUNCTION_TIMEOUT_SECONDS);
  const seconds = Number.isFinite(override) && override > 0 ? override : typeof config.timeout === 'number' ? config.timeout : DEFAULT_TIMEOUT_SECONDS;
  const memoryMb = typeof config.memorySize === 'number' ? config.memorySize : DEFAULT_MEMORY_MB;
  return { timeoutMs: seconds * 1000, memoryMb };
}

/** The message a timed-out call fails with: the text SCF writes for it ("Invoking task timed out after N seconds"). */
export function timeoutMessage(timeoutMs: number): string {
  return `Invoking task timed out after ${timeoutMs / 1000} seconds`;
}

/** Refuses a request or response body over 6 MB, as CloudBase does, before it goes further. */
export function checkPayload(json: string, what: 'request' | 'response'): void {
  const bytes = Buffer.byteLength(json);
  if (bytes > MAX_PAYLOAD_BYTES) throw new FunctionCallFailed('EXCEED_MAX_PAYLOAD_SIZE', `${what} body of ${bytes} bytes exceeds the 6 MB limit of a cloud function`);
}
