import * as z from '../../internal/zod.js';

/**
 * Wire shapes of the chunked (large file) upload. UNCONFIRMED: the endpoints are not in the
 * official docs repository; these shapes follow the 2026 wiki notes and several independent
 * client implementations (docs/platform-reference.md#chunked-upload). Responses are loose so extra fields pass.
 */

/** One part to upload: its index and the presigned object-storage URL to PUT it to. */
export const UploadPartSchema = z.lazy(() =>
  z.looseObject({
    index: z.number().int(),
    presigned_url: z.string().min(1),
    block_size: z.union([z.number(), z.string()]).optional(),
  }),
);
/** An upload part. */
export type UploadPart = z.output<typeof UploadPartSchema>;

/** Response of `upload_prepare`. May already carry `file_info` when the platform has the file. */
export const UploadPrepareResponseSchema = z.lazy(() =>
  z.looseObject({
    upload_id: z.string().optional(),
    block_size: z.union([z.number(), z.string()]).optional(),
    parts: z.array(UploadPartSchema).optional(),
    upload_config: z.looseObject({}).optional(),
    file_info: z.string().optional(),
    ttl: z.number().optional(),
    file_uuid: z.string().optional(),
  }),
);
/** An upload_prepare response. */
export type UploadPrepareResponse = z.output<typeof UploadPrepareResponseSchema>;
