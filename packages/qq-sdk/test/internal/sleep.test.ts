import { describe, expect, it } from 'vitest';
import { sleep } from '../../src/internal/sleep.js';
import { sleep as restSleep } from '../../src/rest/fetchWithTimeout.js';
import { QQAbortError } from '../../src/errors/QQAbortError.js';

describe('sleep: the one timer every layer waits on', () => {
  it('rejects with the signal reason, or what abortError makes of it, when aborted before or during the wait', async () => {
    const before = AbortSignal.abort(new Error('stopped'));
    await expect(sleep(10_000, { signal: before })).rejects.toThrow('stopped');
    const controller = new AbortController();
    const waiting = sleep(10_000, { signal: controller.signal, abortError: (reason) => new Error(`wrapped: ${String(reason)}`) });
    controller.abort('bye');
    await expect(waiting).rejects.toThrow('wrapped: bye');
  });

  it('REST waits reject with a QQAbortError naming what was waiting', async () => {
    const controller = new AbortController();
    const waiting = restSleep(10_000, controller.signal, 'POST /v2/groups/{group_openid}/messages');
    controller.abort();
    const error = await waiting.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(QQAbortError);
    expect((error as Error).message).toContain('POST /v2/groups/{group_openid}/messages');
  });

  it('resolves at once for 0 and after the time otherwise', async () => {
    await expect(sleep(0)).resolves.toBeUndefined();
    await expect(sleep(5)).resolves.toBeUndefined();
  });
});
