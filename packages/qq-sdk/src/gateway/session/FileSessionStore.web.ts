import { notInWebBuild } from '../../internal/notInWebBuild.js';

/** The web build's stand-in: there is no file system to keep sessions in. @internal */
export class FileSessionStore {
  constructor() {
    throw notInWebBuild('FileSessionStore', 'sessionFile');
  }
}
