/* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-floating-promises */
// @ts-nocheck -- browser code: this function's source is sent to the page as is (consolePage.ts),
// where the DOM exists; the package is compiled without the DOM library. packages/qq-sdk/test/console
// drives it in a real Chromium.

/**
 * The console's script, run in the browser with the page's texts. Self-contained: it may use no
 * import and nothing from its module, since only its source text reaches the page.
 *
 * @internal
 */
export function consoleClient(labels: any): void {
  const lang = new URLSearchParams(location.search).get('lang') ?? (navigator.language.startsWith('zh') ? 'zh-CN' : 'en');
  const t = (key: string): string => (labels[lang] ?? labels['zh-CN'])[key] ?? key;
  const $ = (id: string): any => document.getElementById(id);
  const el = (tag: string, props: any = {}, ...children: any[]): any => {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(props)) {
      if (key === 'class') node.className = value;
      else if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
      else if (value !== undefined && value !== false) node.setAttribute(key, value === true ? '' : String(value));
    }
    for (const child of children) if (child !== undefined && child !== null) node.append(child);
    return node;
  };
  document.documentElement.lang = lang;
  for (const node of document.querySelectorAll('[data-label]')) node.textContent = t(node.dataset.label);

  const PAGE = 200;
  const state: any = { chats: [], byChat: new Map(), entries: [], chat: undefined, selected: undefined, policy: undefined, clockOffset: 0, shown: PAGE };
  const simNow = (): number => Date.now() + state.clockOffset;
  const post = (path: string, body: any): Promise<any> =>
    fetch(`/_console/${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }).then((r) => r.json());

  // ---- messages per chat: inbound and replies, a stream reply replaced in place by id
  const messagesOf = (chatId: string): any[] => {
    if (!state.byChat.has(chatId)) state.byChat.set(chatId, { list: [], index: new Map() });
    return state.byChat.get(chatId);
  };
  const keep = (entry: any): boolean => {
    state.entries.push(entry);
    if (entry.kind !== 'inbound' && entry.kind !== 'reply') return false;
    const chat = messagesOf(entry.chat);
    const key = entry.kind === 'inbound' ? entry.messageId : entry.id;
    const at = chat.index.get(key);
    if (at !== undefined) {
      chat.list[at] = entry;
      return true;
    }
    chat.index.set(key, chat.list.length);
    chat.list.push(entry);
    return true;
  };

  // ---- rendering
  const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  // The platform's markdown subset, drawn from escaped text: headings, bold, italic, strikethrough,
  // inline code, links and images, lists and quotes.
  const markdown = (text: string): string => {
    const inline = (s: string): string =>
      s
        .replace(/`([^`]+)`/g, '<code>$1</code>')
        .replace(/!\[([^\]]*)\]\(([^)\s]+)\)/g, '<img alt="$1" src="$2">')
        .replace(/\[([^\]]+)\]\(([^)\s]+)\)/g, '<u title="$2">$1</u>')
        .replace(/\*\*([^*]+)\*\*/g, '<strong>$1</strong>')
        .replace(/~~([^~]+)~~/g, '<s>$1</s>')
        .replace(/\*([^*]+)\*/g, '<em>$1</em>');
    return escapeHtml(text)
      .split('\n')
      .map((line) => {
        const heading = /^(#{1,6}) (.*)$/.exec(line);
        if (heading) return `<h${Math.min(heading[1].length, 3)}>${inline(heading[2])}</h${Math.min(heading[1].length, 3)}>`;
        const item = /^\s*(?:[-*+]|\d+\.) (.*)$/.exec(line);
        if (item) return `<p>• ${inline(item[1])}</p>`;
        const quote = /^&#62; ?(.*)$/.exec(line);
        if (quote) return `<blockquote>${inline(quote[1])}</blockquote>`;
        return `<p>${inline(line)}</p>`;
      })
      .join('');
  };
  const bubble = (entry: any): any => {
    const id = entry.kind === 'inbound' ? entry.messageId : entry.id;
    const mine = entry.kind === 'inbound';
    const node = el('div', {
      class: `msg ${mine ? 'user' : 'bot'}${state.selected === id ? ' selected' : ''}`,
      tabindex: 0,
      'data-id': id,
      'aria-label': mine ? `${entry.user}: ${entry.text}` : undefined,
      onclick: () => select(mine ? id : (entry.replyTo ?? id)),
      onkeydown: (event: any) => {
        if (event.key === 'Enter' && event.target === node) select(mine ? id : (entry.replyTo ?? id));
      },
    });
    node.append(
      el(
        'span',
        { class: 'who' },
        mine ? entry.user : 'Bot',
        el(
          'button',
          { type: 'button', class: 'quote-button', 'aria-label': `${t('quote')}: ${entry.text}`, onclick: (event: any) => quote(entry, event) },
          t('quote'),
        ),
      ),
    );
    if (entry.quote) node.append(el('span', { class: 'quoted' }, entry.quote.text));
    if (entry.kind === 'reply' && entry.markdown) {
      const md = el('div', { class: 'md' });
      md.innerHTML = markdown(entry.text);
      node.append(md);
    } else node.append(el('span', { class: 'text' }, entry.text));
    if (entry.imageUrl) node.append(el('img', { src: entry.imageUrl, alt: '' }));
    if (entry.media?.kind === 'image' && entry.media.url) node.append(el('img', { src: entry.media.url, alt: '' }));
    if (entry.media?.kind === 'video') node.append(el('video', { controls: true, src: entry.media.url, 'aria-label': 'video' }));
    if (entry.media?.kind === 'voice') node.append(el('span', { class: 'voice' }, '🎤'));
    if (entry.media?.kind === 'file') node.append(el('span', { class: 'voice' }, '📎'));
    if (entry.attachment?.kind === 'image') node.append(el('img', { src: entry.attachment.url, alt: t('sendImage') }));
    if (entry.attachment?.kind === 'voice') node.append(el('span', { class: 'voice' }, `🎤 ${entry.attachment.asrText ?? ''}`));
    if (entry.streamChunks !== undefined) node.append(el('span', { class: 'stream' }, ` · ${t('streamChunks')}: ${entry.streamChunks}`));
    if (entry.buttons?.length) {
      const keyboard = el('div', { class: 'keyboard', role: 'group' });
      for (const row of entry.buttons) {
        const rowNode = el('div', { class: 'row' });
        for (const button of row)
          rowNode.append(el('button', { type: 'button', 'data-button': button.id, onclick: (event: any) => press(entry, button, event) }, button.label));
        keyboard.append(rowNode);
      }
      node.append(keyboard);
    }
    return node;
  };
  const renderMessages = (): void => {
    const box = $('messages');
    box.replaceChildren();
    if (!state.chat) return;
    const { list } = messagesOf(state.chat.id);
    const start = Math.max(0, list.length - state.shown);
    if (start > 0)
      box.append(
        el(
          'button',
          {
            class: 'earlier',
            type: 'button',
            onclick: () => {
              state.shown += PAGE;
              renderMessages();
            },
          },
          t('earlier'),
        ),
      );
    const fragment = document.createDocumentFragment();
    for (let i = start; i < list.length; i++) fragment.append(bubble(list[i]));
    box.append(fragment);
    box.scrollTop = box.scrollHeight;
  };
  const showEntry = (entry: any): void => {
    if (!state.chat || entry.chat !== state.chat.id) return;
    const box = $('messages');
    const id = entry.kind === 'inbound' ? entry.messageId : entry.id;
    const existing = box.querySelector(`[data-id="${CSS.escape(id)}"]`);
    const atBottom = box.scrollHeight - box.scrollTop - box.clientHeight < 40;
    if (existing) existing.replaceWith(bubble(entry));
    else box.append(bubble(entry));
    if (atBottom) box.scrollTop = box.scrollHeight;
  };
  const renderChats = (): void => {
    const list = $('chat-list');
    list.replaceChildren(
      ...state.chats.map((chat: any) =>
        el(
          'li',
          {},
          el(
            'button',
            { type: 'button', 'data-chat': chat.id, 'aria-current': state.chat?.id === chat.id ? 'true' : 'false', onclick: () => open(chat) },
            chat.title,
            el('span', { class: 'scene' }, t(`scene:${chat.scene}`)),
          ),
        ),
      ),
    );
  };
  const open = (chat: any): void => {
    state.chat = chat;
    state.shown = PAGE;
    $('chat-title').textContent = chat.title;
    $('as-user').replaceChildren(...chat.users.map((user: any) => el('option', { value: user.id }, user.name)));
    $('typing').hidden = true;
    renderChats();
    renderMessages();
  };

  // ---- the side panel: what happened on the wire for the selected message
  const select = (messageId: string): void => {
    state.selected = messageId;
    for (const node of document.querySelectorAll('.msg.selected')) node.classList.remove('selected');
    for (const node of document.querySelectorAll(`.msg[data-id="${CSS.escape(messageId)}"]`)) node.classList.add('selected');
    renderWire();
  };
  const item = (text: string, refused = false): any => el('div', { class: `item${refused ? ' refused' : ''}` }, text);
  const renderWire = (): void => {
    const wire = $('wire');
    const parts: any[] = [];
    for (const entry of state.entries.filter((e: any) => e.kind === 'gateway' || e.kind === 'fault').slice(-6)) {
      parts.push(
        entry.kind === 'fault'
          ? item(`${t('fault')}: ${t(`fault:${entry.fault}`)}`)
          : item(
              `${t('gateway')}: ${t(entry.what === 'refused' ? 'refusedSession' : entry.what)}${entry.code ? ` (${entry.code})` : ''}`,
              entry.what === 'refused',
            ),
      );
    }
    const inbound = state.entries.find((e: any) => e.kind === 'inbound' && e.messageId === state.selected);
    if (!inbound) {
      parts.push(item(t('pickMessage')));
      wire.replaceChildren(...parts);
      return;
    }
    parts.push(item(`${t('event')}: ${inbound.eventType} · id ${inbound.eventId}`));
    const scene = state.chats.find((c: any) => c.id === inbound.chat)?.scene;
    const calls = state.entries.filter((e: any) => e.kind === 'call' && (e.msgId === inbound.messageId || e.eventId === inbound.eventId));
    for (const call of calls) {
      const refused = call.status >= 400;
      const text = `${t('call')}: ${call.route} → ${call.status}${call.msgSeq !== undefined ? ` · msg_seq ${call.msgSeq}` : ''}${refused ? ` · ${t('refused')}${call.code !== undefined ? ` ${call.code}` : ''}${call.error ? `: ${call.error}` : ''}` : ''}`;
      const node = item(text, refused);
      if (refused && call.explanation) node.append(el('div', { class: 'explanation' }, call.explanation));
      parts.push(node);
    }
    // Clicks on the keyboards of this message's replies.
    const replyIds = new Set(state.entries.filter((e: any) => e.kind === 'reply' && e.replyTo === inbound.messageId).map((e: any) => e.id));
    for (const click of state.entries.filter((e: any) => e.kind === 'click' && replyIds.has(e.messageId))) {
      const ack = state.entries.find((e: any) => e.kind === 'ack' && e.interactionId === click.interactionId);
      parts.push(item(`${t('click')}: ${click.buttonId}${ack ? ` · ${t('ack')} (code ${ack.code})` : ''}`));
    }
    const quota = state.policy?.replyQuotas?.[scene];
    const windowMs = state.policy?.replyWindows?.[scene];
    const used = calls.filter((c: any) => c.status < 400 && c.method === 'POST' && c.route.endsWith('/messages')).length;
    const leftMs = windowMs === undefined ? undefined : windowMs - (simNow() - inbound.at);
    parts.push(
      el(
        'div',
        { class: 'budget', 'data-budget': '' },
        `${t('budget')}: ${t('used')} ${used} · ${t('left')} ${quota === null || quota === undefined ? t('unlimited') : Math.max(0, quota - used)}`,
        el('br'),
        `${t('window')}: ${leftMs === undefined ? '' : leftMs <= 0 ? t('expired') : `${Math.ceil(leftMs / 1000)} s`}`,
      ),
    );
    wire.replaceChildren(...parts);
  };

  // ---- actions
  const press = (entry: any, button: any, event: any): void => {
    event.stopPropagation();
    if (button.actionType === 2) {
      $('text').value = button.data;
      $('text').focus();
      return;
    }
    if (button.actionType !== 1) return;
    post('click', { chat: entry.chat, user: $('as-user').value, messageId: entry.id, buttonId: button.id, buttonData: button.data });
  };
  const quote = (entry: any, event: any): void => {
    event.stopPropagation();
    state.quote = entry.kind === 'inbound' ? entry.messageId : entry.id;
    $('quote-text').textContent = `${t('quoting')}${entry.text}`;
    $('quote-bar').hidden = false;
    $('text').focus();
  };
  const clearQuote = (): void => {
    state.quote = undefined;
    $('quote-bar').hidden = true;
  };
  $('cancel-quote').addEventListener('click', clearQuote);
  const send = (text: string, attach?: string): void => {
    if (!state.chat || (!text && !attach)) return;
    const body: any = { chat: state.chat.id, user: $('as-user').value, text };
    if (attach) body.attach = attach;
    if (state.quote) body.quote = state.quote;
    $('text').value = '';
    clearQuote();
    post('say', body).then((answer) => {
      if (answer.messageId) select(answer.messageId);
    });
  };
  $('composer').addEventListener('submit', (event: any) => {
    event.preventDefault();
    const text = $('text').value.trim();
    $('text').value = '';
    send(text);
  });
  $('send-image').addEventListener('click', () => send($('text').value.trim(), 'image'));
  $('send-voice').addEventListener('click', () => send($('text').value.trim(), 'voice'));
  const faults = ['reconnect', 'close-4009', 'drop', 'expire-window', 'exhaust-budget', 'refuse-markdown', 'reset'];
  $('fault-buttons').replaceChildren(
    ...faults.map((fault) => el('button', { type: 'button', 'data-fault': fault, onclick: () => post('fault', { fault }) }, t(`fault:${fault}`))),
  );

  // ---- the live feed
  let typingTimer: any;
  const connect = (): void => {
    const source = new EventSource('/_console/feed');
    source.addEventListener('snapshot', (message: any) => {
      const snapshot = JSON.parse(message.data);
      state.chats = snapshot.chats;
      state.policy = snapshot.policy;
      state.clockOffset = snapshot.now - Date.now();
      state.entries = [];
      state.byChat = new Map();
      for (const entry of snapshot.entries) keep(entry);
      renderChats();
      open(state.chats.find((c: any) => c.id === state.chat?.id) ?? state.chats[0]);
      renderWire();
      $('status').textContent = t('connected');
    });
    source.addEventListener('entry', (message: any) => {
      const entry = JSON.parse(message.data);
      if (entry.kind === 'chat') {
        const at = state.chats.findIndex((chat: any) => chat.id === entry.chat.id);
        if (at >= 0) state.chats[at] = entry.chat;
        else state.chats.push(entry.chat);
        if (state.chat?.id === entry.chat.id) state.chat = entry.chat;
        renderChats();
      }
      if (keep(entry)) showEntry(entry);
      if (entry.kind === 'typing' && state.chat?.id === entry.chat) {
        $('typing').hidden = false;
        clearTimeout(typingTimer);
        typingTimer = setTimeout(() => ($('typing').hidden = true), 5000);
      }
      if (entry.kind === 'reply' && state.chat?.id === entry.chat) $('typing').hidden = true;
      if (entry.kind === 'fault') state.policy = entry.policy;
      renderWire();
    });
    source.onerror = (): void => {
      $('status').textContent = t('disconnected');
    };
  };
  connect();
}
