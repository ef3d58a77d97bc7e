/** Comparing secrets (client secret, API key) without leaking their content through timing. */
import { createHash, timingSafeEqual } from "node:crypto";

/** Constant-time comparison, through SHA-256 digests so that differing lengths are fine. */
export function sameSecret(given: string, expected: string): boolean {
  const a = createHash("sha256").update(given).digest();
  const b = createHash("sha256").update(expected).digest();
  return timingSafeEqual(a, b);
}
