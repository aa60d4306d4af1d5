// Small statistics and CPU-time helpers shared by the benches.
import { readFileSync } from 'node:fs';

/** The median of `values` (the upper one of the two middles for an even count). */
export const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** `{ median, min, max }` of `values`. */
export function spread(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return { median: sorted[Math.floor(sorted.length / 2)], min: sorted[0], max: sorted[sorted.length - 1] };
}

/** The `p`-th percentile (0..100) of `values`, nearest rank. */
export function percentile(values, p) {
  const sorted = Float64Array.from(values).sort();
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

/**
 * CPU µs (user + system) spent running `fn`. CPU time rather than wall time: on a shared machine it
 * is far less disturbed by other processes.
 */
export function timeUs(fn) {
  const start = process.cpuUsage();
  fn();
  const used = process.cpuUsage(start);
  return used.user + used.system;
}

/** CPU µs used since `start` (a `process.cpuUsage()` snapshot). */
export function cpuSinceUs(start) {
  const used = process.cpuUsage(start);
  return used.user + used.system;
}

/**
 * Peak resident set size of this process so far, in KB: Linux's VmHWM, the high-water mark of this
 * process's own memory. Not `process.resourceUsage().maxRSS`: Linux carries ru_maxrss across
 * execve, so a forked client started by a parent larger than the client reported the parent's RSS
 * (seen: a 43 MB child reporting its 205 MB parent). Elsewhere maxRSS is the fallback.
 */
export function maxRssKB() {
  try {
    const hwm = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync('/proc/self/status', 'utf8'));
    if (hwm) return Number(hwm[1]);
  } catch {
    // Not Linux.
  }
  return process.resourceUsage().maxRSS;
}
