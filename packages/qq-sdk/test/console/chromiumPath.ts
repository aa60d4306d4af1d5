import { existsSync } from 'node:fs';

/** Debian's Chromium (.ci/run installs it), or CHROMIUM_PATH. */
export function chromiumPath(): string {
  const candidates = [process.env['CHROMIUM_PATH'], '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter((path): path is string => path !== undefined);
  const found = candidates.find((path) => existsSync(path));
  if (found === undefined) throw new Error("no Chromium found: install Debian's chromium package (.ci/run does) or set CHROMIUM_PATH");
  return found;
}
