/** Progress of a chunked upload, passed to `onProgress` after each finished part. */
export interface ChunkedUploadProgress {
  /** Bytes confirmed so far. */
  readonly uploadedBytes: number;
  /** Size of the file. */
  readonly totalBytes: number;
  /** Parts confirmed so far. */
  readonly partsDone: number;
  /** Number of parts. */
  readonly totalParts: number;
}
