import type { IncomingMessage } from 'node:http';

/** The outcome of reading a Node request body. Internal. */
export type NodeBodyResult =
  { readonly kind: 'ok'; readonly body: Uint8Array | string } | { readonly kind: 'too_large' } | { readonly kind: 'consumed' } | { readonly kind: 'aborted' };

/**
 * Reads the raw body of a Node request up to `limit` bytes. A body a framework already read as
 * raw bytes or text (`express.raw()`, `express.text()`, Fastify's buffer parser, koa's `rawBody`)
 * is used as is; a body already parsed into an object cannot be verified (`consumed`). Internal.
 */
export function readNodeBody(req: IncomingMessage, limit: number, preRead?: unknown): Promise<NodeBodyResult> {
  if (preRead instanceof Uint8Array || typeof preRead === 'string') {
    const size = typeof preRead === 'string' ? Buffer.byteLength(preRead) : preRead.byteLength;
    return Promise.resolve(size > limit ? { kind: 'too_large' } : { kind: 'ok', body: preRead });
  }
  if (req.readableEnded || req.readableDidRead) return Promise.resolve({ kind: 'consumed' });
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const finish = (result: NodeBodyResult): void => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onError);
      req.off('close', onClose);
      resolve(result);
    };
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size > limit) {
        // Stop buffering; the rest is drained and discarded so the 413 can still be written.
        req.pause();
        finish({ kind: 'too_large' });
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = (): void => finish({ kind: 'ok', body: Buffer.concat(chunks, size) });
    const onError = (): void => finish({ kind: 'aborted' });
    const onClose = (): void => {
      if (!req.complete) finish({ kind: 'aborted' });
    };
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onError);
    req.on('close', onClose);
  });
}
