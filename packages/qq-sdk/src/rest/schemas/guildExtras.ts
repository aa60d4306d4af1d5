import * as z from '../../internal/zod.js';

/**
 * Schedules, forum threads, API permissions and audio controls of guild channels. Unknown fields
 * pass through.
 *
 * @see https://bot.q.qq.com/wiki/develop/api-v2/server-inter/channel/schedule/model.html
 */

/** A channel schedule (日程). */
export const ScheduleSchema = z.lazy(() =>
  z.looseObject({
    id: z.string(),
    name: z.string().optional(),
    description: z.string().optional(),
    start_timestamp: z.string().optional(),
    end_timestamp: z.string().optional(),
    jump_channel_id: z.string().optional(),
    remind_type: z.string().optional(),
  }),
);
/** A schedule. */
export type Schedule = z.output<typeof ScheduleSchema>;

/** Fields of a schedule to create or edit; timestamps are epoch-millisecond strings. */
export const ScheduleBodySchema = z.lazy(() =>
  z.strictObject({
    name: z.string().min(1),
    description: z.string().optional(),
    start_timestamp: z.string().regex(/^\d+$/, 'must be epoch milliseconds as a string'),
    end_timestamp: z.string().regex(/^\d+$/, 'must be epoch milliseconds as a string'),
    jump_channel_id: z.string().optional(),
    remind_type: z.enum(['0', '1', '2', '3', '4', '5']).optional(),
  }),
);
/** A schedule body. */
export type ScheduleBody = z.input<typeof ScheduleBodySchema>;

/** A forum thread as listed by `GET /channels/{channel_id}/threads`. */
export const ThreadSchema = z.lazy(() =>
  z.looseObject({
    guild_id: z.string().optional(),
    channel_id: z.string().optional(),
    author_id: z.string().optional(),
    thread_info: z
      .looseObject({ thread_id: z.string(), title: z.string().optional(), content: z.string().optional(), date_time: z.string().optional() })
      .optional(),
  }),
);
/** A forum thread. */
export type Thread = z.output<typeof ThreadSchema>;

/** A page of forum threads. */
export const ThreadListSchema = z.lazy(() => z.looseObject({ threads: z.array(ThreadSchema), is_finish: z.number().optional() }));
/** A page of forum threads. */
export type ThreadList = z.output<typeof ThreadListSchema>;

/** Body of `PUT /channels/{channel_id}/threads`: format 1 text, 2 HTML, 3 markdown, 4 JSON. */
export const PublishThreadBodySchema = z.lazy(() =>
  z.strictObject({
    title: z.string().min(1),
    content: z.string().min(1),
    format: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]),
  }),
);
/** A publish-thread body. */
export type PublishThreadBody = z.input<typeof PublishThreadBodySchema>;

/** Response of publishing a thread. */
export const PublishThreadResponseSchema = z.lazy(() => z.looseObject({ task_id: z.string().optional(), create_time: z.string().optional() }));
/** A publish-thread response. */
export type PublishThreadResponse = z.output<typeof PublishThreadResponseSchema>;

/** One API the bot may call in a guild, and whether it is authorised (`auth_status` 1). */
export const ApiPermissionSchema = z.lazy(() =>
  z.looseObject({
    path: z.string(),
    method: z.string(),
    desc: z.string().optional(),
    auth_status: z.number().optional(),
  }),
);
/** An API permission. */
export type ApiPermission = z.output<typeof ApiPermissionSchema>;

/** Body of an API permission demand: asks guild admins (in `channel_id`) to grant an API. */
export const ApiPermissionDemandBodySchema = z.lazy(() =>
  z.strictObject({
    channel_id: z.string().min(1),
    api_identify: z.strictObject({ path: z.string().min(1), method: z.string().min(1) }),
    desc: z.string().min(1),
  }),
);
/** An API permission demand body. */
export type ApiPermissionDemandBody = z.input<typeof ApiPermissionDemandBodySchema>;

/** Body of `POST /channels/{channel_id}/audio`: status 0 start, 1 pause, 2 resume, 3 stop. */
export const AudioControlBodySchema = z.lazy(() =>
  z.strictObject({
    audio_url: z.string().optional(),
    text: z.string().optional(),
    status: z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3)]),
  }),
);
/** An audio control body. */
export type AudioControlBody = z.input<typeof AudioControlBodySchema>;
