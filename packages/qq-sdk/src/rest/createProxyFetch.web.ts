import { notInWebBuild } from '../internal/notInWebBuild.js';

/** The web build's stand-in: proxy tunnels are built on `node:http`. @internal */
export function createProxyFetch(): never {
  throw notInWebBuild('QQBot options', 'proxy', 'the runtime decides how requests leave; pass a `fetch` of your own to route them');
}
