/**
 * The V8 settings that bound a provider process's memory, applied with the others of a provider process by
 * applyProviderV8Flags (src/bin/embedded-package.ts): launched providers, `vaultbridge terraform`, `provider serve`,
 * and the build that writes the code caches (V8 checks the flags a cache was made under). Each is read by V8 when it
 * next needs it, so setting them at run time works. Measured with terraform plan and apply of 1000 connections (peak
 * RSS of the provider process; `npm run bench` prints it). `--liftoff-only`, set there for the exit it speeds up,
 * matters here too: V8's optimizing tier recompiling undici's llhttp WebAssembly held ~35 MB of compiler memory for
 * ~150 ms after the list answer, the peak of every plan.
 *
 * - `--semi-space-growth-factor=1`: the young generation stays at its initial size instead of doubling up to
 *   2x16 MB. A bulk plan answers thousands of RPCs whose survivors (what is in flight at each scavenge) keep
 *   growing it to that maximum, where it is then half the heap. The more frequent, smaller scavenges did not add
 *   to the provider's CPU per plan (the bench prints plan times beside the memory).
 * - `--no-turbo-inlining`: the optimizing compiler's jobs run on a background thread whose malloc arena keeps what
 *   they used; without inlining their graphs are far smaller. 3 MB less at the peak, same provider CPU per plan of
 *   1000 (1310 against 1320 ms, five interleaved runs).
 */
export const PROVIDER_MEMORY_V8_FLAGS: readonly string[] = ["--semi-space-growth-factor=1", "--no-turbo-inlining"];
