import { fromBase64 } from '../internal/base64.js';
/**
 * QQ's system faces and stickers arrive inside a message's text as markup, e.g.
 * `<faceType=1,faceId="300",ext="eyJ0ZXh0Ijoi6IOW5LiJ5pakIn0=">`, where `ext` is base64 JSON whose
 * `text` names the face (`{"text":"胖三斤"}`; stickers, faceType 4, already bracket it:
 * `"[满头问号]"`). Captured in group, C2C and guild messages (2026 reports against LangBot,
 * AstrBot and OlivOS); the set of faceType values is not documented.
 */

/** One face or sticker found in a message's text. */
export interface MessageFace {
  /** `faceType`: 1 system face, 4 sticker; other values are passed on as received. */
  readonly type: number;
  /** `faceId` (empty for stickers). */
  readonly id: string;
  /** Its name from `ext` (`胖三斤`, `满头问号`), without brackets; absent when `ext` does not say. */
  readonly name?: string;
}

const UTF8 = new TextDecoder();

// The attribute order seen in captures; values are quoted except faceType.
const FACE_TAG = /<faceType=(\d+),faceId="([^"]*)"(?:,ext="([^"]*)")?\s*\/?>/g;

/** The face's name from its `ext` (base64 JSON `{ text }`), without surrounding brackets. */
function nameFromExt(ext: string | undefined): string | undefined {
  if (ext === undefined || ext === '') return undefined;
  try {
    const decoded = JSON.parse(UTF8.decode(fromBase64(ext))) as { text?: unknown };
    if (typeof decoded.text !== 'string') return undefined;
    const name = decoded.text
      .trim()
      .replace(/^\[(.*)\]$/s, '$1')
      .trim();
    return name === '' ? undefined : name;
  } catch {
    return undefined;
  }
}

/** Every face tag in `content`, in order. */
export function parseFaceTags(content: string): MessageFace[] {
  const faces: MessageFace[] = [];
  for (const match of content.matchAll(FACE_TAG)) {
    const name = nameFromExt(match[3]);
    faces.push({ type: Number(match[1]), id: match[2] ?? '', ...(name !== undefined ? { name } : {}) });
  }
  return faces;
}

/**
 * `content` with each face tag written as text a person or a model reads: `[胖三斤]`, or
 * `[表情]` (Chinese for "face") when the tag does not name it.
 */
export function renderFaceTags(content: string): string {
  if (!content.includes('<faceType=')) return content;
  return content.replace(FACE_TAG, (_tag, _type: string, _id: string, ext: string | undefined) => `[${nameFromExt(ext) ?? '表情'}]`);
}
