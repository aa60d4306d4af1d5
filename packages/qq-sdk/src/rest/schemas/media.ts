import * as z from '../../internal/zod.js';

/** Numeric `file_type` of a rich-media upload: 1 image, 2 video, 3 voice (silk), 4 file. */
export const FileTypeSchema = z.lazy(() => z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]));
/** A numeric file type. */
export type FileType = z.output<typeof FileTypeSchema>;

/** Readable names accepted for `file_type`. */
export const FILE_TYPES = { image: 1, video: 2, voice: 3, file: 4 } as const;
/** A readable file type name. */
export type FileTypeName = keyof typeof FILE_TYPES;

/**
 * The wire body of `POST /v2/{users|groups}/{id}/files`: exactly one of `url` or `file_data`.
 *
 * @see https://bot.q.qq.com/wiki/develop/api-v2/server-inter/message/send-receive/rich-media.html
 */
export const MediaUploadBodySchema = z.lazy(() =>
  z
    .strictObject({
      file_type: FileTypeSchema,
      url: z.url().optional(),
      file_data: z.string().min(1).optional(),
      srv_send_msg: z.boolean().optional(),
    })
    .superRefine((body, ctx) => {
      if ((body.url === undefined) === (body.file_data === undefined)) {
        ctx.addIssue({ code: 'custom', path: ['url'], message: 'give exactly one of url or file_data' });
      }
    }),
);
/** A media upload wire body. */
export type MediaUploadBody = z.input<typeof MediaUploadBodySchema>;

/** Upload response: `file_info` for a `msg_type: 7` send, valid for `ttl` seconds (0 = long-lived). */
export const MediaUploadResponseSchema = z.lazy(() =>
  z.looseObject({
    file_uuid: z.string().optional(),
    file_info: z.string(),
    ttl: z.number(),
    id: z.string().optional(),
  }),
);
/** A media upload response. */
export type MediaUploadResponse = z.output<typeof MediaUploadResponseSchema>;
