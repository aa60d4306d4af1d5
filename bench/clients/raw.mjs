// The floor: a plain `ws` client that identifies and JSON.parses every frame, and replies with one
// keep-alive `http.request` POST per message, to the endpoint of the message's scene (a group's or
// a user's). No validation, no dedup, no reply rules.
import http from 'node:http';
import WebSocket from 'ws';

const INTENTS = 1 << 25; // GROUP_AND_C2C_EVENT

export const name = 'raw';

function request(agent, url, { method = 'GET', headers = {}, body } = {}) {
  return new Promise((resolve, reject) => {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const req = http.request(url, {
      method,
      agent,
      headers: payload === undefined ? headers : { ...headers, 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) },
    });
    req.on('error', reject);
    req.on('response', (res) => {
      const chunks = [];
      res.on('data', (chunk) => chunks.push(chunk));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        if (res.statusCode !== 200) reject(new Error(`${method} ${url}: HTTP ${res.statusCode} ${text}`));
        else resolve(JSON.parse(text));
      });
    });
    req.end(payload);
  });
}

const MESSAGE_TYPES = new Set(['GROUP_AT_MESSAGE_CREATE', 'C2C_MESSAGE_CREATE']);

/** Connects; resolves once READY. `hooks.onMessage(frame)` gets each group @-message and C2C message frame. */
export async function start(config, hooks) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
  const { access_token: token } = await request(agent, config.tokenUrl, {
    method: 'POST',
    body: { appId: config.appId, clientSecret: config.clientSecret },
  });
  const authorization = `QQBot ${token}`;
  const gateway = await request(agent, `${config.apiBaseUrl}/gateway/bot`, { headers: { authorization } });
  const ws = new WebSocket(gateway.url, { perMessageDeflate: false });
  let seq = null;
  let heartbeat;
  await new Promise((resolve, reject) => {
    ws.on('error', reject);
    ws.on('message', (data) => {
      const frame = JSON.parse(data.toString());
      if (frame.s != null) seq = frame.s;
      if (frame.op === 10) {
        heartbeat = setInterval(() => ws.send(JSON.stringify({ op: 1, d: seq })), frame.d.heartbeat_interval);
        heartbeat.unref();
        ws.send(JSON.stringify({ op: 2, d: { token: authorization, intents: INTENTS, shard: [0, 1], properties: {} } }));
      } else if (frame.op === 0) {
        if (frame.t === 'READY') {
          hooks.onReady(frame.d.session_id);
          resolve();
        } else if (MESSAGE_TYPES.has(frame.t)) hooks.onMessage(frame);
      }
    });
  });
  return {
    reply: ({ t, d }) =>
      request(agent, `${config.apiBaseUrl}${t === 'C2C_MESSAGE_CREATE' ? `/v2/users/${d.author.user_openid}` : `/v2/groups/${d.group_openid}`}/messages`, {
        method: 'POST',
        headers: { authorization },
        body: { content: 'pong', msg_type: 0, msg_id: d.id, msg_seq: 1 },
      }),
    stop: () => {
      clearInterval(heartbeat);
      ws.terminate();
      agent.destroy();
    },
  };
}
