/**
 * Just enough XML for Office Open XML parts: a flat token stream (open, close, self-closing tags and
 * text) with entities decoded. No DTDs, no namespaces resolution: Word writes the prefixes it always does.
 */

export type XmlToken = { type: 'open' | 'self'; name: string; attrs: string } | { type: 'close'; name: string } | { type: 'text'; text: string };

const TOKEN = /<(\/?)([A-Za-z_][\w:.-]*)([^>]*?)(\/?)>|<\?[^>]*\?>|<!--[\s\S]*?-->|<!\[CDATA\[([\s\S]*?)\]\]>|<!DOCTYPE[^>]*>|([^<]+)|</g;

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function decodeXml(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#x[0-9a-fA-F]{1,6}|#\d{1,7}|[a-zA-Z]{2,6});/g, (m, name: string) => {
    if (name[0] !== '#') return NAMED[name] ?? m;
    const code = name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number.parseInt(name.slice(1), 10);
    return code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff) ? String.fromCodePoint(code) : m;
  });
}

export function* xmlTokens(xml: string): Generator<XmlToken> {
  for (const m of xml.matchAll(TOKEN)) {
    if (m[2] !== undefined) {
      if (m[1]) yield { type: 'close', name: m[2] };
      else yield { type: m[4] || m[3].endsWith('/') ? 'self' : 'open', name: m[2], attrs: m[3] };
    } else if (m[5] !== undefined) yield { type: 'text', text: m[5] };
    else if (m[6] !== undefined) yield { type: 'text', text: decodeXml(m[6]) };
  }
}

const ATTR_CACHE = new Map<string, RegExp>();

/** An attribute's decoded value ("w:val"), or null. */
export function attr(attrs: string, name: string): string | null {
  let re = ATTR_CACHE.get(name);
  if (!re) {
    re = new RegExp(`(?:^|\\s)${name.replace('.', '\\.')}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`);
    ATTR_CACHE.set(name, re);
  }
  const m = re.exec(attrs);
  return m ? decodeXml(m[1] ?? m[2]) : null;
}
