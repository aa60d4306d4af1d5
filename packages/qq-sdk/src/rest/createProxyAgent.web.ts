import { notInWebBuild } from '../internal/notInWebBuild.js';

/** The web build's stand-in: proxy tunnels are built on `node:http`. @internal */
export function createProxyAgent(): never {
  throw notInWebBuild('QQBot options', 'proxy');
}

/** The web build's stand-in (only the Node proxy fetch uses it). @internal */
export function proxyAuthorization(): never {
  throw notInWebBuild('QQBot options', 'proxy');
}
