/**
 * Idempotency keys for mutations (8–64 of [A-Za-z0-9_-], see RequestId in src/shared).
 * Math.random is enough: the key only has to be unique per user for 24 h, and the weapp
 * runtime has no crypto.getRandomValues.
 */
let counter = 0;

export function newRequestId(): string {
  counter = (counter + 1) % 1_000_000;
  const random = Math.random().toString(36).slice(2, 12).padEnd(10, '0');
  return `r${Date.now().toString(36)}${counter.toString(36)}${random}`;
}
