/**
 * Whether a chat message is a pasted agenda: decided by the same layout recognisers and header
 * reader the importer uses, so anything the importer can read is routed to it, and a short chat
 * line or a plain list is not.
 */
import { parseHeader } from './header';
import { chooseLayout } from './layouts';
import { toLines } from './lines';
import { readPastedText } from './readers';

const MIN_LINES = 4;
const TITLE = /^\W*(?:dagsorden|referat|agenda)\b/i;

/**
 * Several lines, and either items in this forum's "Punkt N:" layout, or items in another layout
 * under a header (label/value lines, a date) or three of them, or an agenda/minutes title (a
 * document without items then gets the importer's "no items" answer, not the help card), or a
 * long text of many lines.
 */
export function looksLikeAgenda(message: string): boolean {
  const lines = toLines(readPastedText(message).normalize('NFC'));
  const filled = lines.filter((l) => l.text !== '');
  if (filled.length < MIN_LINES) return false;
  if (TITLE.test(filled[0].text)) return true;
  const { name, headings } = chooseLayout(lines);
  if (headings.size >= 2) {
    if (name === 'punkt' || headings.size >= 3) return true;
    const first = Math.min(...headings.keys());
    if (parseHeader(lines.slice(0, first), []) !== null) return true;
  }
  return message.length > 1500 && filled.length >= 10;
}
