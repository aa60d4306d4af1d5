// Small statistics and CPU-time helpers shared by the benches.

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

/** Peak resident set size of this process so far, in KB. */
export const maxRssKB = () => process.resourceUsage().maxRSS;
