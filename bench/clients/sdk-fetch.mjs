// qq-sdk with one public option set: `fetch` to the global fetch (undici) instead of its default
// node:http transport, to show what the HTTP stack costs. Everything else as in ./sdk.mjs.
process.env.QQ_BENCH_SDK_FETCH = 'global';
export * from './sdk.mjs';
export const name = 'qq-sdk (global fetch)';
