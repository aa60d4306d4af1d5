// A fake OpenAI-compatible endpoint on 127.0.0.1 for the e2e: chat completions (records every
// request and answers from a script keyed on the newest user message, streaming like a real
// provider), and the two audio endpoints OpenClaw's OpenAI speech providers call:
// /audio/transcriptions (reads WAV only, as hosted speech-to-text reads no SILK) and
// /audio/speech (answers a WAV whatever format was asked for).
import http from 'node:http';

/** The parts of a multipart/form-data body: name → { filename, contentType, data }. */
function multipart(body, contentType) {
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType ?? '');
  const parts = {};
  if (!boundary) return parts;
  const marker = Buffer.from(`--${boundary[1] ?? boundary[2]}`);
  let at = body.indexOf(marker);
  while (at !== -1) {
    const next = body.indexOf(marker, at + marker.length);
    if (next === -1) break;
    const part = body.subarray(at + marker.length + 2, next - 2);
    const split = part.indexOf('\r\n\r\n');
    const head = part.subarray(0, split).toString('utf8');
    const name = /name="([^"]*)"/i.exec(head)?.[1];
    if (name !== undefined) {
      parts[name] = {
        filename: /filename="([^"]*)"/i.exec(head)?.[1],
        contentType: /content-type:\s*([^\r\n]+)/i.exec(head)?.[1],
        data: part.subarray(split + 4),
      };
    }
    at = next;
  }
  return parts;
}

/** Seconds of audio in a 16-bit WAV, or undefined for anything that is not a WAV. */
function wavSeconds(data) {
  if (data.length < 44 || data.toString('latin1', 0, 4) !== 'RIFF' || data.toString('latin1', 8, 12) !== 'WAVE') return undefined;
  const rate = data.readUInt32LE(24);
  const bytesPerSecond = data.readUInt32LE(28);
  return rate > 0 && bytesPerSecond > 0 ? (data.length - 44) / bytesPerSecond : undefined;
}

/** A 16-bit mono 24 kHz WAV of a 440 Hz tone. */
function toneWav(seconds) {
  const rate = 24000;
  const samples = Math.round(seconds * rate);
  const out = Buffer.alloc(44 + samples * 2);
  out.write('RIFF', 0, 'latin1');
  out.writeUInt32LE(36 + samples * 2, 4);
  out.write('WAVEfmt ', 8, 'latin1');
  out.writeUInt32LE(16, 16);
  out.writeUInt16LE(1, 20);
  out.writeUInt16LE(1, 22);
  out.writeUInt32LE(rate, 24);
  out.writeUInt32LE(rate * 2, 28);
  out.writeUInt16LE(2, 32);
  out.writeUInt16LE(16, 34);
  out.write('data', 36, 'latin1');
  out.writeUInt32LE(samples * 2, 40);
  for (let i = 0; i < samples; i++) out.writeInt16LE(Math.round(Math.sin((2 * Math.PI * 440 * i) / rate) * 12000), 44 + i * 2);
  return out;
}

/** Text of the user turn being answered: every user message after the last assistant message. */
function lastUserText(body) {
  const messages = Array.isArray(body?.messages) ? body.messages : [];
  const parts = [];
  for (let i = messages.length - 1; i >= 0 && messages[i]?.role !== 'assistant'; i -= 1) {
    const m = messages[i];
    // A tool result answers the model's own tool call: hand it to the script, marked.
    if (m?.role === 'tool') {
      parts.unshift(`E2E_TOOL_RESULT ${typeof m.content === 'string' ? m.content : JSON.stringify(m.content)}`);
      continue;
    }
    if (m?.role !== 'user') continue;
    if (typeof m.content === 'string') parts.unshift(m.content);
    else if (Array.isArray(m.content)) parts.unshift(m.content.map((part) => (typeof part?.text === 'string' ? part.text : '')).join('\n'));
  }
  return parts.join('\n');
}

/**
 * Starts the fake model. `answer(userText)` returns the reply text, or `{ toolCalls: [{ name,
 * arguments }] }` to call tools (their results come back as `E2E_TOOL_RESULT <content>` in the
 * next user text); `transcribe(seconds)` the
 * text heard in a WAV of that length (default `E2E_HEARD <seconds>s`).
 * @returns {Promise<{ baseUrl: string, requests: Array<{ body: any, raw: string, at: number }>, transcriptions: Array<{ model?: string, filename?: string, contentType?: string, bytes: number, wav: boolean, seconds?: number, text?: string, at: number }>, speech: Array<{ body: any, at: number }>, close: () => Promise<void> }>}
 */
export async function startFakeModel(answer, { transcribe = (seconds) => `E2E_HEARD ${seconds.toFixed(1)}s` } = {}) {
  const requests = [];
  const transcriptions = [];
  const speech = [];
  const server = http.createServer((req, res) => {
    const chunks = [];
    req.on('data', (chunk) => chunks.push(chunk));
    req.on('end', () => {
      const bytes = Buffer.concat(chunks);
      const raw = bytes.toString('utf8');
      if (req.method === 'POST' && req.url?.endsWith('/audio/transcriptions')) {
        const parts = multipart(bytes, req.headers['content-type']);
        const file = parts.file;
        const seconds = file ? wavSeconds(file.data) : undefined;
        const record = {
          model: parts.model?.data.toString('utf8'),
          filename: file?.filename,
          contentType: file?.contentType,
          bytes: file?.data.length ?? 0,
          wav: seconds !== undefined,
          seconds,
          at: Date.now(),
        };
        transcriptions.push(record);
        if (seconds === undefined) {
          res.writeHead(400, { 'content-type': 'application/json' });
          res.end(
            JSON.stringify({
              error: { message: 'Invalid file format. Supported formats: flac, m4a, mp3, mp4, mpeg, mpga, oga, ogg, wav, webm', type: 'invalid_request_error' },
            }),
          );
          return;
        }
        record.text = transcribe(seconds);
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ text: record.text }));
        return;
      }
      if (req.method === 'POST' && req.url?.endsWith('/audio/speech')) {
        let body = {};
        try {
          body = JSON.parse(raw || '{}');
        } catch {}
        speech.push({ body, at: Date.now() });
        res.writeHead(200, { 'content-type': 'audio/wav' });
        res.end(toneWav(1.2));
        return;
      }
      if (req.method === 'GET' && req.url?.endsWith('/models')) {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ object: 'list', data: [{ id: 'echo', object: 'model', owned_by: 'e2e' }] }));
        return;
      }
      if (!req.url?.endsWith('/chat/completions')) {
        res.writeHead(404, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: { message: 'not found' } }));
        return;
      }
      let body = {};
      try {
        body = JSON.parse(raw || '{}');
      } catch {}
      requests.push({ body, raw, at: Date.now() });
      const answered = answer(lastUserText(body));
      const toolCalls = typeof answered === 'object' && answered !== null ? (answered.toolCalls ?? []) : [];
      const text = typeof answered === 'string' ? answered : '';
      const id = `chatcmpl-${requests.length}`;
      const calls = toolCalls.map((call, index) => ({
        index,
        id: `call_${requests.length}_${index}`,
        type: 'function',
        function: { name: call.name, arguments: JSON.stringify(call.arguments ?? {}) },
      }));
      const created = Math.floor(Date.now() / 1000);
      const model = body.model ?? 'echo';
      const usage = { prompt_tokens: 10, completion_tokens: 10, total_tokens: 20 };
      if (!body.stream) {
        res.writeHead(200, { 'content-type': 'application/json' });
        const message =
          calls.length > 0
            ? { role: 'assistant', content: null, tool_calls: calls.map(({ index: _index, ...call }) => call) }
            : { role: 'assistant', content: text };
        res.end(
          JSON.stringify({
            id,
            object: 'chat.completion',
            created,
            model,
            usage,
            choices: [{ index: 0, message, finish_reason: calls.length > 0 ? 'tool_calls' : 'stop' }],
          }),
        );
        return;
      }
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
      const chunk = (delta, finish = null) =>
        res.write(
          `data: ${JSON.stringify({ id, object: 'chat.completion.chunk', created, model, choices: [{ index: 0, delta, finish_reason: finish }] })}\n\n`,
        );
      chunk({ role: 'assistant', content: '' });
      if (calls.length > 0) {
        chunk({ tool_calls: calls });
        chunk({}, 'tool_calls');
      } else {
        // Stream paragraph by paragraph so block streaming sees several blocks.
        for (const piece of text.split(/(?<=\n\n)/)) chunk({ content: piece });
        chunk({}, 'stop');
      }
      res.write(`data: ${JSON.stringify({ id, object: 'chat.completion.chunk', created, model, choices: [], usage })}\n\n`);
      res.end('data: [DONE]\n\n');
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    requests,
    transcriptions,
    speech,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
