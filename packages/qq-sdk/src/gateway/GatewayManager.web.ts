import { notInWebBuild } from '../internal/notInWebBuild.js';

/** The web build's stand-in: the gateway needs the `ws` package and Node's sockets. @internal */
export class GatewayManager {
  constructor() {
    throw notInWebBuild('QQBot options', 'gateway');
  }
}
