/**
 * The error body the simulated platform answers with (docs/platform-reference.md#error-body, carrying both
 * `code` and `err_code` so clients that read either work), next to an `X-Tps-trace-ID` header
 * holding the same `trace_id`.
 *
 * @see https://bot.q.qq.com/wiki/develop/api-v2/openapi/error/error.html
 */
export interface PlatformErrorBody {
  /** Human-readable message, in the platform's wording. */
  message: string;
  /** The business error code. */
  code: number;
  /** The same code (newer v2 responses use this key). */
  err_code: number;
  /** The trace id, also sent in the `X-Tps-trace-ID` header. */
  trace_id: string;
}

/**
 * The platform error codes the simulator emits, with the HTTP status and message it uses.
 * Pass any of these codes (or another one) to {@link QQSimulator.failNext}.
 */
export const PLATFORM_ERRORS = {
  11241: { status: 401, message: 'token missing' },
  11243: { status: 401, message: 'token check not pass' },
  11244: { status: 401, message: 'token not exist or expired' },
  100007: { status: 400, message: 'appid invalid' },
  100016: { status: 400, message: 'invalid appid or secret' },
  20028: { status: 429, message: 'channel hit write rate limit' },
  22006: { status: 400, message: '消息类型与内容不匹配' },
  22009: { status: 400, message: 'msg limit exceed' },
  50006: { status: 400, message: 'cannot send empty message' },
  50035: { status: 400, message: 'invalid form body' },
  50056: { status: 400, message: '不允许发送 markdown content' },
  304003: { status: 400, message: 'url not allowed' },
  306001: { status: 400, message: 'recall message not found' },
  306011: { status: 400, message: 'recall message exceed time limit' },
  304027: { status: 400, message: 'message is expired' },
  304045: { status: 400, message: 'push channel message reach limit' },
  304082: { status: 500, message: 'upload media info fail' },
  40034004: { status: 400, message: '富媒体信息转存失败' },
  40034005: { status: 400, message: '回复消息msg_id已过期' },
  40034012: { status: 400, message: '不允许发送原生 markdown' },
  40034024: { status: 400, message: '请求参数msg_id无效或越权' },
  40034025: { status: 400, message: '请求参数event_id无效或越权' },
  40034026: { status: 400, message: '回复事件event_id已过期' },
  40034100: { status: 429, message: '主动消息发送超过频控限制' },
  40034102: { status: 400, message: '主动消息失败, 无权限' },
  40054005: { status: 400, message: '消息被去重，请检查请求msgseq' },
  40054010: { status: 400, message: '不允许发送URL' },
  50055001: { status: 500, message: '消息发送异常' },
} as const satisfies Record<number, { status: number; message: string }>;

/** A code of {@link PLATFORM_ERRORS}. */
export type PlatformErrorCode = keyof typeof PLATFORM_ERRORS;

/** The status and message for `code`: the catalogue entry, else 400 and a generic message. */
export function describePlatformError(code: number): { status: number; message: string } {
  const known = (PLATFORM_ERRORS as Record<number, { status: number; message: string } | undefined>)[code];
  return known ?? { status: 400, message: `simulated platform error ${code}` };
}
