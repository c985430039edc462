/** True when a node-sdk call failed because the document (or unique key) already exists. */
export function isDuplicateError(error: unknown): boolean {
  const text = error instanceof Error ? `${(error as { code?: string }).code ?? ''} ${error.message}` : String(error);
  return /DUPLICATE|duplicate key|E11000/i.test(text);
}
