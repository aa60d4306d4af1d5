// A fake OpenAI-compatible chat endpoint on 127.0.0.1 for the e2e: records every request and
// answers from a script keyed on the newest user message, streaming like a real provider.
import http from 'node:http';

/** Text of the user turn being answered: every user message after the last assistant message. */
function lastUserText(body) {
  const messages = Array.isArray(body?.messages) ? body.messages : [];
  const parts = [];
  for (let i = messages.length - 1; i >= 0 && messages[i]?.role !== 'assistant'; i -= 1) {
    const m = messages[i];
    if (m?.role !== 'user') continue;
    if (typeof m.content === 'string') parts.unshift(m.content);
    else if (Array.isArray(m.content)) parts.unshift(m.content.map((part) => (typeof part?.text === 'string' ? part.text : '')).join('\n'));
  }
  return parts.join('\n');
}

/**
 * Starts the fake model. `answer(userText)` returns the reply text.
 * @returns {Promise<{ baseUrl: string, requests: Array<{ body: any, raw: string, at: number }>, close: () => Promise<void> }>}
 */
export async function startFakeModel(answer) {
  const requests = [];
  const server = http.createServer((req, res) => {
    let raw = '';
    req.setEncoding('utf8');
    req.on('data', (chunk) => (raw += chunk));
    req.on('end', () => {
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
      const text = answer(lastUserText(body));
      const id = `chatcmpl-${requests.length}`;
      const created = Math.floor(Date.now() / 1000);
      const model = body.model ?? 'echo';
      const usage = { prompt_tokens: 10, completion_tokens: 10, total_tokens: 20 };
      if (!body.stream) {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ id, object: 'chat.completion', created, model, usage, choices: [{ index: 0, message: { role: 'assistant', content: text }, finish_reason: 'stop' }] }));
        return;
      }
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
      const chunk = (delta, finish = null) =>
        res.write(`data: ${JSON.stringify({ id, object: 'chat.completion.chunk', created, model, choices: [{ index: 0, delta, finish_reason: finish }] })}\n\n`);
      chunk({ role: 'assistant', content: '' });
      // Stream paragraph by paragraph so block streaming sees several blocks.
      for (const piece of text.split(/(?<=\n\n)/)) chunk({ content: piece });
      chunk({}, 'stop');
      res.write(`data: ${JSON.stringify({ id, object: 'chat.completion.chunk', created, model, choices: [], usage })}\n\n`);
      res.end('data: [DONE]\n\n');
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
