// A tiny test runner for the extension host: no mocha (it need not resolve there), sequential, per-test timeout.
import * as fs from 'fs';

export interface TestCase {
  name: string;
  fn: () => Promise<void> | void;
  timeoutMs: number;
  /** Runs only in the untrusted-workspace pass (and only there). */
  untrusted: boolean;
}

export interface TestResult {
  name: string;
  ok: boolean;
  ms: number;
  error?: string;
}

const registry: TestCase[] = [];

function register(name: string, fn: () => Promise<void> | void, timeoutMs: number, untrusted: boolean): void {
  if (registry.some((t) => t.name === name)) throw new Error(`duplicate test name: ${name}`);
  registry.push({ name, fn, timeoutMs, untrusted });
}

/** Registers a test; tests run in registration order (files alphabetically, then top to bottom). */
export function test(name: string, fn: () => Promise<void> | void, timeoutMs = 30_000): void {
  register(name, fn, timeoutMs, false);
}

/**
 * Registers a test for the untrusted-workspace pass: the launcher runs the suite a second time with workspace
 * trust enabled and `ETAG_E2E_UNTRUSTED=1`; only these tests run then, and they never run in the trusted pass.
 */
export function untrustedTest(name: string, fn: () => Promise<void> | void, timeoutMs = 30_000): void {
  register(name, fn, timeoutMs, true);
}

function withTimeout<T>(p: Promise<T>, ms: number, name: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`test "${name}" timed out after ${ms} ms`)), ms);
  });
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}

/** Runs every registered test; prints `TEST PASS|FAIL name` lines and `N passed, N failed`. */
export async function runAll(log: (line: string) => void = (l) => console.log(l)): Promise<TestResult[]> {
  const only = process.env.ETAG_E2E_GREP ? new RegExp(process.env.ETAG_E2E_GREP) : undefined;
  const untrustedPass = process.env.ETAG_E2E_UNTRUSTED === '1';
  const tests = registry.filter((t) => t.untrusted === untrustedPass && (!only || only.test(t.name)));
  const results: TestResult[] = [];
  for (const t of tests) {
    const t0 = Date.now();
    try {
      await withTimeout(Promise.resolve().then(t.fn), t.timeoutMs, t.name);
      results.push({ name: t.name, ok: true, ms: Date.now() - t0 });
      log(`TEST PASS ${t.name} (${Date.now() - t0} ms)`);
    } catch (e) {
      const error = e instanceof Error ? e.stack || e.message : String(e);
      results.push({ name: t.name, ok: false, ms: Date.now() - t0, error });
      log(`TEST FAIL ${t.name} (${Date.now() - t0} ms)\n${error}`);
    }
  }
  const failed = results.filter((r) => !r.ok).length;
  log(`${results.length - failed} passed, ${failed} failed`);
  const file = process.env.ETAG_E2E_RESULTS;
  if (file) fs.writeFileSync(file, JSON.stringify({ results }, null, 2));
  return results;
}
