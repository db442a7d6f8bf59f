/**
 * Reads an uploaded agenda or minutes file into text for `parseDocument`: plain text and Markdown,
 * Word (.docx, as Markdown headings and bold) and PDF (its text layer). The format is recognised by
 * its first bytes; the file name only decides between text and Markdown.
 */
import { readDocx } from './formats/docx';
import { htmlToMarkdown } from './formats/html-markdown';
import { readPdf } from './formats/pdf';
import { decodeText } from './formats/text';
import { DocumentError } from './parse';

/** Documents must be smaller than this (the forum's minutes are tens of kilobytes). */
export const MAX_DOCUMENT_BYTES = 20_000_000;

export type DocumentFormat = 'docx' | 'pdf' | 'text';

export interface DocumentFile {
  name: string;
  bytes: Buffer;
}

const PDF_MAGIC = Buffer.from('%PDF-', 'latin1');
const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

/** Magic bytes first ("%PDF-" near the start, zip "PK\3\4"), extension second. */
export function detectFormat(file: DocumentFile): DocumentFormat {
  const head = file.bytes.subarray(0, 1024);
  if (head.subarray(0, 4).equals(ZIP_MAGIC)) return 'docx';
  if (head.indexOf(PDF_MAGIC) !== -1) return 'pdf';
  const ext = file.name.toLowerCase().match(/\.([a-z0-9]+)$/)?.[1];
  if (ext === 'docx') return 'docx';
  if (ext === 'pdf') return 'pdf';
  return 'text';
}

export function checkSize(name: string, size: number): void {
  if (size >= MAX_DOCUMENT_BYTES) {
    const mb = (size / 1_000_000).toFixed(1);
    throw new DocumentError('too-large', `${name} is ${mb} MB; documents must be smaller than ${MAX_DOCUMENT_BYTES / 1_000_000} MB`);
  }
}

const HTML_BLOCK = /<(?:p|div|br|li|h[1-6]|table|tr|ol|ul)\b[^>]*>/i;

/**
 * Text pasted into a Teams message: Teams sends it as HTML paragraphs ("<p>Punkt 1: ...</p><p>...</p>"),
 * which become lines and blank lines here; plain text is returned as it is.
 */
export function readPastedText(text: string): string {
  return HTML_BLOCK.test(text.slice(0, 20_000)) ? htmlToMarkdown(text) : text;
}

/** The document's text; throws DocumentError with a one-line reason when it cannot be read. */
export async function readDocument(file: DocumentFile): Promise<string> {
  checkSize(file.name, file.bytes.length);
  if (file.bytes.length === 0) throw new DocumentError('parse-failed', `${file.name} is empty`);
  const format = detectFormat(file);
  if (format === 'docx' && !file.bytes.subarray(0, 4).equals(ZIP_MAGIC)) {
    throw new DocumentError('parse-failed', `${file.name} is named .docx but is not a Word document`);
  }
  if (format === 'pdf' && file.bytes.subarray(0, 1024).indexOf(PDF_MAGIC) === -1) {
    throw new DocumentError('parse-failed', `${file.name} is named .pdf but is not a PDF`);
  }
  const text = format === 'docx' ? await readDocx(file.bytes) : format === 'pdf' ? await readPdf(file.bytes) : decodeText(file.bytes);
  if (text.trim() === '') {
    const what = format === 'pdf' ? 'holds no text (a scanned PDF?)' : 'holds no text';
    throw new DocumentError('parse-failed', `${file.name} ${what}`);
  }
  return text;
}
