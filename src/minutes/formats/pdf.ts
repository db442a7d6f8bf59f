/**
 * PDF files: the text layer, extracted with pdf-parse (pdf.js). Scanned PDFs have none.
 * pdf.js runs in a worker thread: a large or hostile PDF cannot block the service's event loop, is
 * stopped after a time limit and a memory limit, and pdf.js can load its own ES-module worker there
 * (it cannot inside jest's module sandbox).
 */
import { Worker } from 'node:worker_threads';
import { DocumentError } from '../parse';
import { joinPages } from './page-join';

const TIME_LIMIT_MS = 60_000;

type WorkerReply = { ok: true; text: string } | { ok: false; name: string; message: string };

/**
 * Runs in the worker. Lines are rebuilt from the text items' positions, and a gap between lines larger
 * than 1.6 times the font size becomes a blank line: the paragraph breaks the parser and the
 * communication list rely on (pdf-parse's own getText drops them). Columns further apart than 7 points
 * are joined with a tab, as pdf-parse does. Pages are separated by a form feed and joined by `joinPages`. `load()` is pdf-parse's
 * (untyped) way to the pdf.js document; without it, its plain getText() is used.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { PDFParse } = require(workerData.modulePath);

function pageText(items) {
  const lines = [];
  let cur = null;
  for (const it of items) {
    if (typeof it.str !== 'string') continue;
    const x = it.transform[4];
    const y = it.transform[5];
    const h = it.height || Math.hypot(it.transform[2], it.transform[3]) || 10;
    if (!cur || Math.abs(cur.y - y) > Math.max(2, h * 0.4)) {
      if (it.str.trim() === '') continue;
      cur = { y, h, text: '', end: x };
      lines.push(cur);
    } else if (x - cur.end > 7 && cur.text.trim() !== '') cur.text += '\\t';
    cur.text += it.str;
    cur.end = x + (it.width || 0);
    cur.h = Math.max(cur.h, h);
  }
  let out = '';
  lines.forEach((line, i) => {
    if (i > 0) {
      const gap = lines[i - 1].y - line.y;
      out += gap > 1.6 * Math.max(lines[i - 1].h, line.h) ? '\\n\\n' : '\\n';
    }
    out += line.text.replace(/\\s+$/, '');
  });
  return out;
}

async function extract(parser) {
  if (typeof parser.load !== 'function') return (await parser.getText({ pageJoiner: '' })).text;
  const doc = await parser.load();
  const pages = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    pages.push(pageText((await page.getTextContent()).items));
    page.cleanup();
  }
  return pages.join('\\f');
}

(async () => {
  const parser = new PDFParse({ data: new Uint8Array(workerData.bytes), verbosity: 0 });
  try {
    parentPort.postMessage({ ok: true, text: await extract(parser) });
  } catch (e) {
    parentPort.postMessage({ ok: false, name: (e && e.name) || 'Error', message: String((e && e.message) || e) });
  } finally {
    await parser.destroy().catch(() => undefined);
  }
})();
`;

function extract(bytes: Buffer): Promise<WorkerReply> {
  // A copy: the caller's buffer stays usable, and the copy's memory moves to the worker.
  const copy = new Uint8Array(bytes).buffer;
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: { modulePath: require.resolve('pdf-parse'), bytes: copy },
    transferList: [copy],
    resourceLimits: { maxOldGenerationSizeMb: 512 },
  });
  return new Promise<WorkerReply>((resolve) => {
    const timer = setTimeout(() => resolve({ ok: false, name: 'Timeout', message: 'reading it took too long' }), TIME_LIMIT_MS);
    worker.once('message', (reply: WorkerReply) => resolve(reply));
    worker.once('error', (e) => resolve({ ok: false, name: e.name, message: e.message }));
    worker.once('exit', () => resolve({ ok: false, name: 'Exit', message: 'the reader stopped' }));
    timer.unref();
  }).finally(() => void worker.terminate());
}

export async function readPdf(bytes: Buffer): Promise<string> {
  const reply = await extract(bytes);
  if (!reply.ok) throw new DocumentError('parse-failed', `The PDF could not be read (${reason(reply)})`);
  return joinPages(reply.text.split('\f')).replace(/\r\n?/g, '\n').normalize('NFC');
}

function reason(e: { name: string; message: string }): string {
  if (e.name === 'PasswordException' || /password/i.test(e.message)) return 'it is password protected';
  if (e.name === 'InvalidPDFException' || /invalid pdf|xref|startxref/i.test(e.message)) return 'the file is damaged';
  if (e.name === 'ERR_WORKER_OUT_OF_MEMORY' || /out of memory/i.test(e.message)) return 'it needs too much memory';
  return e.message.split('\n')[0].slice(0, 160);
}
