/**
 * The little Markdown our own documents use (CHANGELOG.md for "What's new",
 * PRIVACY.md for the privacy page), read into plain data so Preact renders
 * it as text — never as HTML (the conventions test forbids raw HTML).
 *
 * Blocks: `#`…`####` headings, paragraphs (lines joined), `- ` list items
 * (continuation lines indented), blank lines between. Inline: `code`,
 * **strong**, [text](https://…). A link to anything but an https:// address
 * (a file in the repository, say) keeps its text and loses its target: the
 * extension has no page for it. Anything else is text, as written.
 */

export type Inline =
  | { kind: 'text'; text: string }
  | { kind: 'code'; text: string }
  | { kind: 'strong'; text: string }
  | { kind: 'link'; text: string; href: string };

export type Block =
  | { kind: 'heading'; level: 1 | 2 | 3 | 4; content: Inline[] }
  | { kind: 'paragraph'; content: Inline[] }
  | { kind: 'list'; items: Inline[][] };

const INLINE = /`([^`]+)`|\*\*([^*]+)\*\*|\[([^\]]+)\]\(([^)\s]+)\)/g;

export function parseInline(text: string): Inline[] {
  const out: Inline[] = [];
  let last = 0;
  const push = (part: Inline) => {
    const previous = out[out.length - 1];
    if (part.kind === 'text' && previous?.kind === 'text') previous.text += part.text;
    else if (part.kind !== 'text' || part.text) out.push(part);
  };
  for (const match of text.matchAll(INLINE)) {
    push({ kind: 'text', text: text.slice(last, match.index) });
    const [whole, code, strong, label, href] = match;
    if (code !== undefined) push({ kind: 'code', text: code });
    else if (strong !== undefined) push({ kind: 'strong', text: strong });
    else if (label !== undefined && href !== undefined)
      push(href.startsWith('https://') ? { kind: 'link', text: label, href } : parseLabel(label));
    last = (match.index ?? 0) + whole.length;
  }
  push({ kind: 'text', text: text.slice(last) });
  return out;
}

/** A link's text without its target: code in it stays code. */
const parseLabel = (label: string): Inline =>
  /^`[^`]+`$/.test(label)
    ? { kind: 'code', text: label.slice(1, -1) }
    : { kind: 'text', text: label };

export function parseMarkdown(source: string): Block[] {
  const blocks: Block[] = [];
  let paragraph: string[] = [];
  let list: string[] | undefined;
  const flush = () => {
    if (paragraph.length > 0)
      blocks.push({ kind: 'paragraph', content: parseInline(paragraph.join(' ')) });
    if (list) blocks.push({ kind: 'list', items: list.map(parseInline) });
    paragraph = [];
    list = undefined;
  };
  for (const raw of source.replace(/\r\n?/g, '\n').split('\n')) {
    const line = raw.trimEnd();
    const heading = /^(#{1,4}) +(.*)$/.exec(line);
    if (line.trim() === '') flush();
    else if (heading) {
      flush();
      const level = (heading[1] as string).length as 1 | 2 | 3 | 4;
      blocks.push({ kind: 'heading', level, content: parseInline(heading[2] as string) });
    } else if (line.startsWith('- ')) {
      if (paragraph.length > 0) flush();
      list ??= [];
      list.push(line.slice(2).trim());
    } else if (list && /^\s/.test(line)) {
      list[list.length - 1] += ` ${line.trim()}`;
    } else {
      if (list) flush();
      paragraph.push(line.trim());
    }
  }
  flush();
  return blocks;
}

/** The changelog's entry for each version, newest first as the file has them. */
export interface ChangelogEntry {
  version: string;
  /** As written after the version, e.g. "2026-11-21". */
  date?: string;
  body: Block[];
}

/** Entries are `## <version> — <date>` sections; other sections ("Unreleased") are skipped. */
export function parseChangelog(source: string): ChangelogEntry[] {
  const entries: ChangelogEntry[] = [];
  const sections = source.replace(/\r\n?/g, '\n').split(/^## /m).slice(1);
  for (const section of sections) {
    const newline = section.indexOf('\n');
    const title = newline === -1 ? section : section.slice(0, newline);
    const heading = /^v?(\d+(?:\.\d+){0,3})(?:\s+[—–-]\s+(.+))?\s*$/.exec(title.trim());
    if (!heading) continue;
    const entry: ChangelogEntry = {
      version: heading[1] as string,
      body: parseMarkdown(newline === -1 ? '' : section.slice(newline + 1)),
    };
    if (heading[2]) entry.date = heading[2].trim();
    entries.push(entry);
  }
  return entries;
}
