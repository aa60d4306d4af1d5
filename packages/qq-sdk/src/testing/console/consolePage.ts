import { consoleClient } from './consoleClient.js';
import { CONSOLE_LABELS } from './consoleLabels.js';

/**
 * The console page: one HTML document with its style and script inline, so it loads in one request
 * from the simulator and needs no build step or CDN.
 *
 * @internal
 */
export function consolePage(): string {
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>QQ Simulator</title>
<style>${STYLE}</style>
</head>
<body>
<div id="app" class="app">
  <nav class="chats" aria-labelledby="chats-title"><h1 id="chats-title" data-label="chats"></h1><ul id="chat-list" role="list"></ul>
    <section class="faults" aria-labelledby="faults-title"><h2 id="faults-title" data-label="faults"></h2><div id="fault-buttons"></div></section>
    <p class="status" id="status" role="status"></p>
  </nav>
  <main class="chat" aria-labelledby="chat-title">
    <header><h2 id="chat-title"></h2><span id="typing" class="typing" hidden data-label="typing"></span></header>
    <div id="messages" class="messages" role="log" aria-live="polite" aria-relevant="additions text"></div>
    <div id="quote-bar" class="quote-bar" hidden><span id="quote-text"></span><button type="button" id="cancel-quote" data-label="cancelQuote"></button></div>
    <form id="composer" class="composer">
      <label for="as-user" data-label="speakAs"></label><select id="as-user"></select>
      <label for="text" class="visually-hidden" data-label="message"></label><input id="text" autocomplete="off">
      <button type="button" id="send-image" class="secondary" data-label="sendImage"></button>
      <button type="button" id="send-voice" class="secondary" data-label="sendVoice"></button>
      <button type="submit" id="send" data-label="send"></button>
    </form>
  </main>
  <aside class="wire" aria-labelledby="wire-title"><h2 id="wire-title" data-label="wire"></h2><div id="wire"></div></aside>
</div>
<script>const LABELS = ${JSON.stringify(CONSOLE_LABELS)};(${consoleClient.toString()})(LABELS);</script>
</body>
</html>`;
}

const STYLE = `
:root { font-family: system-ui, "PingFang SC", "Microsoft YaHei", sans-serif; color: #1f2329; background: #f2f3f5; }
* { box-sizing: border-box; }
body { margin: 0; }
.app { display: grid; grid-template-columns: 220px 1fr 340px; height: 100vh; }
.chats { background: #fff; border-right: 1px solid #e5e6eb; padding: 12px; overflow: auto; }
.chats h1 { font-size: 16px; margin: 0 0 8px; }
.chats ul { list-style: none; padding: 0; margin: 0; }
.chats li button { width: 100%; text-align: left; border: 0; background: none; padding: 10px 8px; border-radius: 6px; cursor: pointer; font: inherit; }
.chats li button[aria-current="true"] { background: #e8f3ff; font-weight: 600; }
.chats li button .scene { display: block; font-size: 12px; color: #86909c; font-weight: 400; }
.faults h2, .wire h2 { font-size: 14px; margin: 16px 0 8px; }
.faults button { display: block; width: 100%; margin: 4px 0; padding: 6px; font: inherit; font-size: 13px; border: 1px solid #c9cdd4; background: #fff; border-radius: 4px; cursor: pointer; }
.status { font-size: 12px; color: #86909c; }
.chat { display: flex; flex-direction: column; min-width: 0; }
.chat header { padding: 12px 16px; background: #fff; border-bottom: 1px solid #e5e6eb; display: flex; gap: 12px; align-items: baseline; }
.chat header h2 { font-size: 16px; margin: 0; }
.typing { font-size: 12px; color: #0e42d2; }
.messages { flex: 1; overflow: auto; padding: 16px; display: flex; flex-direction: column; gap: 10px; }
.msg { max-width: 70%; padding: 8px 12px; border-radius: 10px; background: #fff; box-shadow: 0 1px 1px rgba(0,0,0,.05); cursor: pointer; white-space: pre-wrap; word-break: break-word; }
.msg.user { align-self: flex-end; background: #95ec69; }
.msg.bot { align-self: flex-start; }
.msg.selected { outline: 2px solid #165dff; }
.msg .who { display: block; font-size: 12px; color: #4e5969; margin-bottom: 2px; }
.msg img { max-width: 240px; display: block; margin-top: 6px; border-radius: 4px; }
.msg .keyboard { margin-top: 8px; display: grid; gap: 6px; }
.msg .row { display: flex; gap: 6px; }
.msg .row button { flex: 1; padding: 6px; border: 1px solid #165dff; color: #165dff; background: #fff; border-radius: 4px; font: inherit; cursor: pointer; }
.msg .md h1, .msg .md h2, .msg .md h3 { margin: 4px 0; font-size: 15px; }
.msg .md p { margin: 2px 0; }
.msg .md blockquote { margin: 2px 0; padding-left: 6px; border-left: 3px solid #c9cdd4; color: #4e5969; }
.msg video { max-width: 240px; display: block; margin-top: 6px; }
.msg .md code { background: #f2f3f5; padding: 0 3px; border-radius: 3px; }
.msg .stream { font-size: 11px; color: #86909c; }
.earlier { align-self: center; font-size: 12px; }
.composer { display: flex; gap: 8px; padding: 12px 16px; background: #fff; border-top: 1px solid #e5e6eb; align-items: center; }
.composer label, .composer button { white-space: nowrap; }
.composer input { flex: 1; padding: 8px; font: inherit; border: 1px solid #c9cdd4; border-radius: 4px; }
.composer button { padding: 8px 16px; font: inherit; background: #165dff; color: #fff; border: 0; border-radius: 4px; cursor: pointer; }
.composer button.secondary { background: #fff; color: #165dff; border: 1px solid #165dff; padding: 7px 10px; }
.quote-bar { padding: 6px 16px; background: #f7f8fa; border-top: 1px solid #e5e6eb; font-size: 13px; display: flex; gap: 8px; align-items: center; }
.quote-bar[hidden] { display: none; }
.quote-bar button { font: inherit; font-size: 12px; border: 0; background: none; color: #165dff; cursor: pointer; }
.msg .quoted { display: block; font-size: 12px; color: #4e5969; border-left: 3px solid #c9cdd4; padding-left: 6px; margin-bottom: 4px; }
.msg .voice { display: block; font-size: 13px; }
.msg .quote-button { border: 0; background: none; color: #86909c; font-size: 12px; cursor: pointer; padding: 0 0 0 8px; }
.wire { background: #fff; border-left: 1px solid #e5e6eb; padding: 0 12px 12px; overflow: auto; font-size: 13px; }
.wire .item { border-bottom: 1px solid #f2f3f5; padding: 6px 0; }
.wire .item.refused { color: #cb2634; }
.wire .budget { background: #f7f8fa; padding: 8px; border-radius: 4px; margin: 8px 0; }
.wire code { font-size: 12px; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
button:focus-visible, input:focus-visible, select:focus-visible, .msg:focus-visible { outline: 2px solid #165dff; outline-offset: 2px; }
`;
