/**
 * Turns the small HTML dialect mammoth writes (h1-h6, p, strong, em, ol/ul/li, table, br, a, img)
 * into the Markdown forms the minutes parser reads: `#` headings, `**bold**`, "1. " and "- " lists,
 * tab-separated table rows. mammoth's own Markdown writer escapes every "." and "-", which would
 * hide "Punkt 1:" and "1. at ..." from the parser.
 */

interface Block {
  text: string;
  /** List items and table rows sit on consecutive lines; other blocks are separated by a blank line. */
  tight: boolean;
}

interface ListLevel {
  ordered: boolean;
  next: number;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number.parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : m;
    }
    return ENTITIES[name.toLowerCase()] ?? m;
  });
}

class MarkdownWriter {
  readonly blocks: Block[] = [];
  private inline = '';
  private boldStart: number[] = [];
  private heading = 0;
  private readonly lists: ListLevel[] = [];
  private row: string[] | null = null;
  private cellDepth = 0;

  text(s: string): void {
    this.inline += decodeEntities(s);
  }

  open(tag: string): void {
    if (/^h[1-6]$/.test(tag)) {
      this.flush();
      this.heading = Number(tag[1]);
    } else if (tag === 'p' && this.cellDepth === 0 && this.lists.length === 0) this.flush();
    else if (tag === 'p' && this.cellDepth > 0 && this.inline.trim()) this.inline += ' ';
    else if (tag === 'strong' || tag === 'b') this.boldStart.push(this.inline.length);
    else if (tag === 'br') this.inline += '\n';
    else if (tag === 'ol' || tag === 'ul') {
      this.flushListText();
      this.lists.push({ ordered: tag === 'ol', next: 1 });
    } else if (tag === 'li') this.flushListText();
    else if (tag === 'tr') {
      this.flush();
      this.row = [];
    } else if (tag === 'td' || tag === 'th') {
      this.cellDepth++;
      this.inline = '';
    }
  }

  close(tag: string): void {
    if (/^h[1-6]$/.test(tag)) {
      const text = this.takeInline().replace(/\s+/g, ' ').trim();
      if (text) this.blocks.push({ text: `${'#'.repeat(this.heading)} ${text}`, tight: false });
      this.heading = 0;
    } else if (tag === 'p' && this.cellDepth === 0 && this.lists.length === 0) this.flush();
    else if (tag === 'strong' || tag === 'b') this.closeBold();
    else if (tag === 'li') this.flushListText();
    else if (tag === 'ol' || tag === 'ul') {
      this.flushListText();
      this.lists.pop();
    } else if (tag === 'td' || tag === 'th') {
      this.cellDepth = Math.max(0, this.cellDepth - 1);
      this.row?.push(this.takeInline().replace(/\s+/g, ' ').trim());
    } else if (tag === 'tr' && this.row) {
      if (this.row.some((c) => c)) this.blocks.push({ text: this.row.join('\t'), tight: true });
      this.row = null;
    }
  }

  private linkStart: number[] = [];

  markLink(): void {
    this.linkStart.push(this.inline.length);
  }

  /** A link keeps its address after its text ("Gaveregler <https://...>"), unless the text is the address. */
  link(target: string | null): void {
    const start = this.linkStart.pop() ?? this.inline.length;
    if (!target) return;
    const text = this.inline.slice(start).trim();
    if (text === target) return;
    this.inline += text === '' ? `<${target}>` : ` <${target}>`;
  }

  /** Bold stays `**x**` only around non-blank text, with surrounding spaces moved outside the markers. */
  private closeBold(): void {
    const start = this.boldStart.pop();
    if (start === undefined || this.heading > 0) return;
    const inner = this.inline.slice(start);
    const trimmed = inner.trim();
    if (!trimmed) return;
    const lead = inner.slice(0, inner.length - inner.trimStart().length);
    const trail = inner.slice(inner.trimEnd().length);
    this.inline = `${this.inline.slice(0, start)}${lead}**${trimmed}**${trail}`;
  }

  private takeInline(): string {
    const s = this.inline;
    this.inline = '';
    this.boldStart = [];
    return s;
  }

  private flushListText(): void {
    const text = this.takeInline().trim();
    const level = this.lists[this.lists.length - 1];
    if (!text || !level) {
      if (text) this.blocks.push({ text, tight: false });
      return;
    }
    const marker = level.ordered ? `${level.next++}.` : '-';
    const indent = '  '.repeat(this.lists.length - 1);
    this.blocks.push({ text: `${indent}${marker} ${text.replace(/\n/g, `\n${indent}   `)}`, tight: true });
  }

  flush(): void {
    if (this.lists.length > 0) {
      this.flushListText();
      return;
    }
    const text = this.takeInline()
      .split('\n')
      .map((l) => l.trimEnd())
      .join('\n')
      .trim();
    if (text) this.blocks.push({ text, tight: false });
  }
}

/** A tag ("<p class=x>", "</li>", "<br/>"); "<https://...>" is a link written in angle brackets, kept as text. */
const TOKEN = /<(\/?)([a-zA-Z][a-zA-Z0-9]*)(?=[\s/>])([^>]*)>|([^<]+|<)/g;
const LINK = /^(?:https?:\/\/|mailto:)/i;

export function htmlToMarkdown(html: string): string {
  const w = new MarkdownWriter();
  const links: (string | null)[] = [];
  for (const m of html.matchAll(TOKEN)) {
    if (m[4] !== undefined) w.text(m[4]);
    else if (m[1]) {
      const tag = m[2].toLowerCase();
      if (tag === 'a') w.link(links.pop() ?? null);
      else w.close(tag);
    } else {
      const tag = m[2].toLowerCase();
      if (tag === 'a') {
        const href = /\bhref\s*=\s*(?:"([^"]*)"|'([^']*)')/i.exec(m[3]);
        const target = href ? decodeEntities(href[1] ?? href[2]) : '';
        links.push(LINK.test(target) ? target : null);
        w.markLink();
      } else w.open(tag);
    }
  }
  w.flush();
  let out = '';
  w.blocks.forEach((b, i) => {
    if (i > 0) out += b.tight && w.blocks[i - 1].tight ? '\n' : '\n\n';
    out += b.text;
  });
  return out ? `${out}\n` : '';
}
