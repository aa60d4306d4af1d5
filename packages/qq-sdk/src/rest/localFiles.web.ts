import { notInWebBuild } from '../internal/notInWebBuild.js';

/** The web build's stand-in: there is no file system to read from. @internal */
export function readLocalFile(): Promise<Uint8Array> {
  return Promise.reject(notInWebBuild('media upload', 'filePaths'));
}

/** The file name at the end of a path, `/` or `\` separated. @internal */
export function fileNameOf(path: string): string {
  return path.split(/[\\/]/u).pop() ?? path;
}
