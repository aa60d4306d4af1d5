// Runs one measured client in its own process, so its CPU time and peak RSS are the client's alone
// (the simulator stays in the parent). The child talks back over IPC.
import { fork } from 'node:child_process';

/**
 * Forks `script` with `args`, passing `config` as JSON in QQ_BENCH_CONFIG. Every IPC message goes
 * to `onMessage(message)`; the promise resolves with the first `{ result }` message.
 * QQ_BENCH_NODE_ARGS (e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof") is passed to the child's node.
 */
export function runChild(script, args, config, { onMessage = () => {}, timeoutMs = 120_000, label = args.join(' ') } = {}) {
  return new Promise((resolve, reject) => {
    const child = fork(script, args, {
      env: { ...process.env, QQ_BENCH_CONFIG: JSON.stringify(config) },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      execArgv: (process.env.QQ_BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean),
    });
    let settled = false;
    const fail = (error) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      child.kill();
      reject(error);
    };
    const timer = setTimeout(() => fail(new Error(`${label}: timed out after ${timeoutMs} ms`)), timeoutMs);
    child.on('message', (message) => {
      if (message.result) {
        settled = true;
        clearTimeout(timer);
        resolve(message.result);
        return;
      }
      if (message.error) {
        fail(new Error(`${label}: ${message.error}`));
        return;
      }
      try {
        const pending = onMessage(message, child);
        if (pending && typeof pending.catch === 'function') pending.catch(fail);
      } catch (error) {
        fail(error);
      }
    });
    child.on('exit', (code) => {
      if (!settled) fail(new Error(`${label}: client exited with ${code} before reporting`));
    });
  });
}

/** In a child: the config the parent passed. */
export const childConfig = () => JSON.parse(process.env.QQ_BENCH_CONFIG ?? '{}');

/** In a child: sends the result, then exits once it is delivered. */
export function reportAndExit(result) {
  process.send({ result }, () => process.exit(0));
}
