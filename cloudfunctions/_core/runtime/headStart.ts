/**
 * A command's first request, started beside the caller's mark instead of after it (createHandler,
 * FunctionDefinition.headStarts). Under CloudBase's model a function instance runs one call at a
 * time, so only requests sent together share a round trip: the sign-up crowd's draw of a place in
 * line goes out with the mark that counts and loads the caller (docs/limits.md, "Requests and
 * round trips"). It is speculative — the mark may still refuse the call (rate limit, suspension,
 * a replayed request id) and the command may decide otherwise — so whoever does not take it over
 * undoes it: the pipeline calls `abandon()` after every call that started one, and a command that
 * used it makes that a no-op.
 */
export interface HeadStart {
  /** Undoes the head start's effect unless the command took it over; idempotent. */
  abandon(): Promise<void>;
}
