// A fetch for the benches' few JSON calls (app token, /gateway/bot) on node:http, for runs where
// neither measured client should load the global fetch. Node loads undici, its WebAssembly HTTP
// parser and its compiled code on the first fetch, and that alone adds ~25 MB to a process's peak
// RSS while the first events arrive, about twice what qq-sdk itself adds.
import http from 'node:http';

/** `fetch(url, { method, headers, body })` over node:http, answering only what the clients read. */
export function nodeHttpFetch(url, init = {}) {
  return new Promise((resolve, reject) => {
    const request = http.request(url, { method: init.method ?? 'GET', headers: plainHeaders(init.headers) }, (response) => {
      const chunks = [];
      response.on('data', (chunk) => chunks.push(chunk));
      response.on('error', reject);
      response.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        resolve({
          ok: response.statusCode >= 200 && response.statusCode < 300,
          status: response.statusCode,
          headers: { get: (name) => response.headers[name.toLowerCase()] ?? null },
          text: async () => text,
          json: async () => JSON.parse(text),
        });
      });
    });
    request.on('error', reject);
    request.end(init.body);
  });
}

// Touching the global Headers would load undici too, so it is recognised by its entries().
function plainHeaders(headers) {
  if (headers === undefined || headers === null) return {};
  if (typeof headers.entries === 'function' && !Array.isArray(headers)) return Object.fromEntries(headers.entries());
  return Array.isArray(headers) ? Object.fromEntries(headers) : headers;
}
