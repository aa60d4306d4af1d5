import * as z from '../../internal/zod.js';
import type { RequestOptions } from '../RequestOptions.js';
import type { RestClient } from '../RestClient.js';
import { route } from '../route.js';
import { ScheduleBodySchema, ScheduleSchema, type Schedule, type ScheduleBody } from '../schemas/guildExtras.js';
import { validateBody } from '../validateBody.js';

/**
 * Schedules (日程) of a schedule channel.
 *
 * @see https://bot.q.qq.com/wiki/develop/api-v2/server-inter/channel/schedule/get_schedules.html
 */
export class SchedulesAPI {
  /** @param rest - The REST client. */
  constructor(private readonly rest: RestClient) {}

  /**
   * Lists schedules, optionally those of the day containing `since` (epoch ms string).
   *
   * @param channelId - The channel id.
   * @param since - Epoch milliseconds as a string.
   * @param options - Signal, timeout, retries.
   * @see https://bot.q.qq.com/wiki/develop/api-v2/server-inter/channel/schedule/get_schedules.html
   */
  async list(channelId: string, since?: string, options: RequestOptions = {}): Promise<Schedule[]> {
    const target = route('GET /channels/{channel_id}/schedules', { channel_id: channelId });
    // A GET cannot carry a body through fetch, so `since` goes in the query string.
    return this.rest.request(
      { ...options, ...target, query: { since } },
      z
        .array(ScheduleSchema)
        .nullable()
        .transform((v) => v ?? []),
    );
  }

  /**
   * Gets one schedule.
   *
   * @param channelId - The channel id.
   * @param scheduleId - The schedule id.
   * @param options - Signal, timeout, retries.
   * @see https://bot.q.qq.com/wiki/develop/api-v2/server-inter/channel/schedule/get_schedule.html
   */
  async get(channelId: string, scheduleId: string, options: RequestOptions = {}): Promise<Schedule> {
    return this.rest.request(
      { ...options, ...route('GET /channels/{channel_id}/schedules/{schedule_id}', { channel_id: channelId, schedule_id: scheduleId }) },
      ScheduleSchema,
    );
  }

  /**
   * Creates a schedule.
   *
   * @param channelId - The channel id.
   * @param schedule - Name and times.
   * @param options - Signal, timeout, retries.
   * @see https://bot.q.qq.com/wiki/develop/api-v2/server-inter/channel/schedule/post_schedule.html
   */
  async create(channelId: string, schedule: ScheduleBody, options: RequestOptions = {}): Promise<Schedule> {
    const target = route('POST /channels/{channel_id}/schedules', { channel_id: channelId });
    const data = validateBody(ScheduleBodySchema, schedule, 'schedule');
    return this.rest.request({ ...options, ...target, body: { schedule: data } }, ScheduleSchema);
  }

  /**
   * Edits a schedule.
   *
   * @param channelId - The channel id.
   * @param scheduleId - The schedule id.
   * @param schedule - The new fields.
   * @param options - Signal, timeout, retries.
   * @see https://bot.q.qq.com/wiki/develop/api-v2/server-inter/channel/schedule/patch_schedule.html
   */
  async edit(channelId: string, scheduleId: string, schedule: ScheduleBody, options: RequestOptions = {}): Promise<Schedule> {
    const target = route('PATCH /channels/{channel_id}/schedules/{schedule_id}', { channel_id: channelId, schedule_id: scheduleId });
    const data = validateBody(ScheduleBodySchema, schedule, 'schedule');
    return this.rest.request({ ...options, ...target, body: { schedule: data } }, ScheduleSchema);
  }

  /**
   * Deletes a schedule.
   *
   * @param channelId - The channel id.
   * @param scheduleId - The schedule id.
   * @param options - Signal, timeout, retries.
   * @see https://bot.q.qq.com/wiki/develop/api-v2/server-inter/channel/schedule/delete_schedule.html
   */
  async delete(channelId: string, scheduleId: string, options: RequestOptions = {}): Promise<void> {
    await this.rest.request({
      ...options,
      ...route('DELETE /channels/{channel_id}/schedules/{schedule_id}', { channel_id: channelId, schedule_id: scheduleId }),
    });
  }
}
