/** ISO timestamps for createdAt/updatedAt. */

export function nowIso(): string {
  return new Date().toISOString();
}

/** Now, but strictly later than `previous`, so an update within the same millisecond still moves `updatedAt`. */
export function bumpedIso(previous: string): string {
  const before = Date.parse(previous);
  const now = Date.now();
  return new Date(Number.isNaN(before) || now > before ? now : before + 1).toISOString();
}
