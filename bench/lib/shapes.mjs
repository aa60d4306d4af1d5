// The workload shapes compare.bench.mjs runs each workload on: where the messages come from, and
// so where the replies go. Each shape names the event type and the fields that vary per sender.

/** `{ key, label, type, senders, partial(i) }` per shape, in report order. */
export const SHAPES = [
  groupShape('1-group', '1 group', 1),
  groupShape('16-groups', '16 groups', 16),
  groupShape('1000-groups', '1,000 groups', 1000),
  c2cShape(1000),
];

/** Shape keys the peers run on by default (every shape for raw and qq-sdk). */
export const PEER_SHAPES = ['1000-groups'];

function groupShape(key, label, groups) {
  return {
    key,
    label,
    type: 'GROUP_AT_MESSAGE_CREATE',
    senders: groups,
    describe: `\`GROUP_AT_MESSAGE_CREATE\` from ${groups.toLocaleString('en-US')} group${groups === 1 ? '' : 's'} in turn, replies to \`/v2/groups/{group_openid}/messages\``,
    partial: (i) => {
      const group = `BENCHGROUP${String(i).padStart(4, '0')}`;
      return { group_openid: group, group_id: group };
    },
  };
}

function c2cShape(users) {
  return {
    key: 'c2c',
    label: 'C2C',
    type: 'C2C_MESSAGE_CREATE',
    senders: users,
    describe: `\`C2C_MESSAGE_CREATE\` from ${users.toLocaleString('en-US')} users in turn, replies to \`/v2/users/{openid}/messages\``,
    partial: (i) => {
      const user = `BENCHUSER${String(i).padStart(4, '0')}`;
      return { author: { id: user, user_openid: user } };
    },
  };
}

/**
 * Floods `total` events of `shape` to one session, its senders taking turns in chunks (up to ten
 * passes over every sender), so a client sees them interleaved the way a busy bot does. A chunk is
 * at least 50 events: each flood call costs the simulator far more than an event, and smaller
 * chunks made the simulator, not the client, set the pace (raw's CPU per event doubled from idle
 * wake-ups, hiding the clients' own cost).
 */
export async function floodShape(sim, shape, sessionId, total) {
  const MIN_CHUNK = 50;
  const passes = Math.max(1, Math.min(10, Math.floor(total / (shape.senders * MIN_CHUNK))));
  const chunk = Math.max(1, Math.floor(total / (shape.senders * passes)));
  let sent = 0;
  for (let pass = 0; sent < total; pass++) {
    for (let i = 0; i < shape.senders && sent < total; i++) {
      const count = Math.min(chunk, total - sent);
      await sim.flood(shape.type, count, { sessionId, partial: shape.partial(i) });
      sent += count;
    }
  }
}
