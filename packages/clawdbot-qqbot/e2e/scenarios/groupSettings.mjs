// Per-group settings change behaviour: `groups.<id>` answers every message in one group, gives
// the agent that group's prompt and takes tools away (groups.resolveToolPolicy), while other
// groups still need an @ and keep their tools; the QQ client's
// group-settings panel (claw_cfg, INTERACTION 2002) switches another group to every message.
export const name = 'groupSettings';
const OPEN_GROUP = 'E2E0OPEN0GROUP00000000000000000A';
const PANEL_GROUP = 'E2E0PANEL0GROUP0000000000000000A';
const GROUP_PROMPT = 'E2E_GROUP_PROMPT: answer as the release bot';
// The tools OpenClaw's qqbot page denies in its group example.
const DENIED = ['exec', 'read', 'write'];
const toolNames = (request) => (request?.body?.tools ?? []).map((tool) => tool?.function?.name ?? tool?.name).filter(Boolean);

export function configureChannel(qqbot) {
  qqbot.groups = { ...qqbot.groups, [OPEN_GROUP]: { requireMention: false, prompt: GROUP_PROMPT, name: 'E2E open group', tools: { deny: DENIED } } };
}

export async function run({ sim, model, wait, check, log, sleep }) {
  // A per-group setting: this group is answered without an @, with its own prompt.
  const open = sim.inject('GROUP_MESSAGE_CREATE', { group_openid: OPEN_GROUP, content: 'E2E_OPEN no mention', mentions: [] });
  await wait((s) => s.messagesTo(OPEN_GROUP).some((m) => m.msgId === open.data.id), 'the answer in the group configured to answer every message', 120_000);
  const asked = model.requests.find((r) => r.raw.includes('E2E_OPEN no mention'));
  check(asked?.raw.includes(GROUP_PROMPT), "the group's prompt did not reach the model");
  const offered = toolNames(asked).filter((name) => DENIED.includes(name));
  check(offered.length === 0, `the group's tools.deny did not reach the host: the model was offered ${offered.join(', ')}`);
  log(
    `groups.<id>.requireMention=false answered a non-@ message, with the group's prompt and without ${DENIED.join('/')} (${toolNames(asked).length} tools offered)`,
  );

  // Other groups still need an @ until the QQ client's panel says otherwise.
  sim.inject('GROUP_MESSAGE_CREATE', { group_openid: PANEL_GROUP, content: 'E2E_PANEL before', mentions: [] });
  await sleep(1_500);
  check(!model.requests.some((r) => r.raw.includes('E2E_PANEL before')), 'a non-@ group message was answered while a mention is required');
  const toggle = sim.inject('INTERACTION_CREATE', {
    scene: 'group',
    chat_type: 1,
    group_openid: PANEL_GROUP,
    data: { type: 2002, resolved: { claw_cfg: { require_mention: 'always' } } },
  });
  const ack = await wait((s) => s.interactionAcks.find((a) => a.interactionId === toggle.id), 'the claw_cfg acknowledgement', 60_000);
  check(ack.data?.claw_cfg?.require_mention === 'always', `claw_cfg answer: ${JSON.stringify(ack)}`);
  const after = sim.inject('GROUP_MESSAGE_CREATE', { group_openid: PANEL_GROUP, content: 'E2E_PANEL after', mentions: [] });
  await wait((s) => s.messagesTo(PANEL_GROUP).some((m) => m.msgId === after.data.id), 'the answer once the panel allows every message', 120_000);
  log('the group-settings panel (claw_cfg 2002) switched the group to every message');
  // A group without a tool policy is offered the tools the configured group was denied.
  const unrestricted = toolNames(model.requests.find((r) => r.raw.includes('E2E_PANEL after')));
  check(
    unrestricted.some((name) => DENIED.includes(name)),
    `a group without tools.deny was not offered any of ${DENIED.join(', ')} either: ${unrestricted.join(', ')}`,
  );
  log(`a group without a tool policy is offered ${unrestricted.length} tools, ${DENIED.filter((name) => unrestricted.includes(name)).join('/')} among them`);
}
