import { notInWebBuild } from '../../internal/notInWebBuild.js';

/** The web build's stand-in: there is no file system to keep sessions in. @internal */
export class FileSessionStore {
  constructor() {
    throw notInWebBuild('FileSessionStore', 'path', 'webhook bots keep no gateway session; for the gateway, run qq-sdk on Node');
  }
}
