import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';

/** The bytes of a file named by path (media uploads with `path`). @internal */
export async function readLocalFile(path: string): Promise<Uint8Array> {
  return readFile(path);
}

/** The file name at the end of a path. @internal */
export function fileNameOf(path: string): string {
  return basename(path);
}
