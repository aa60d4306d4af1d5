import { notInWebBuild } from '../internal/notInWebBuild.js';

/** The web build's stand-in: proxy tunnels are built on `node:http`. @internal */
export function createProxyFetch(): never {
  throw notInWebBuild('QQBot options', 'proxy');
}
