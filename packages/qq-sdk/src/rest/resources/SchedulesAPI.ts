import * as z from '../../internal/zod.js';
import type { RequestOptions } from '../RequestOptions.js';
import type { RestClient } from '../RestClient.js';
import { ScheduleBodySchema, ScheduleSchema, type Schedule, type ScheduleBody } from '../schemas/guildExtras.js';
import { pathId, validateBody } from '../validateBody.js';

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
    const path = `/channels/${pathId('channel_id', channelId)}/schedules`;
    // A GET cannot carry a body through fetch, so `since` goes in the query string.
    return this.rest.request({ ...options, method: 'GET', path, query: { since }, route: 'GET /channels/{channel_id}/schedules' }, z.array(ScheduleSchema).nullable().transform((v) => v ?? []));
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
    const path = `/channels/${pathId('channel_id', channelId)}/schedules/${pathId('schedule_id', scheduleId)}`;
    return this.rest.request({ ...options, method: 'GET', path, route: 'GET /channels/{channel_id}/schedules/{schedule_id}' }, ScheduleSchema);
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
    const path = `/channels/${pathId('channel_id', channelId)}/schedules`;
    const data = validateBody(ScheduleBodySchema, schedule, 'schedule');
    return this.rest.request({ ...options, method: 'POST', path, body: { schedule: data }, route: 'POST /channels/{channel_id}/schedules' }, ScheduleSchema);
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
    const path = `/channels/${pathId('channel_id', channelId)}/schedules/${pathId('schedule_id', scheduleId)}`;
    const data = validateBody(ScheduleBodySchema, schedule, 'schedule');
    return this.rest.request({ ...options, method: 'PATCH', path, body: { schedule: data }, route: 'PATCH /channels/{channel_id}/schedules/{schedule_id}' }, ScheduleSchema);
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
    const path = `/channels/${pathId('channel_id', channelId)}/schedules/${pathId('schedule_id', scheduleId)}`;
    await this.rest.request({ ...options, method: 'DELETE', path, route: 'DELETE /channels/{channel_id}/schedules/{schedule_id}' });
  }
}
