/** Word documents (.docx): mammoth's HTML turned into the Markdown forms the parser reads. */
import mammoth from 'mammoth';
import { DocumentError } from '../parse';
import { htmlToMarkdown } from './html-markdown';
import { checkZipSizes } from './zip-guard';

/** Danish Word names its built-in headings "Overskrift N"; meeting systems often use "Titel". */
const STYLE_MAP = [
  ...[1, 2, 3, 4, 5, 6].map((n) => `p[style-name='Overskrift ${n}'] => h${n}:fresh`),
  "p[style-name='Titel'] => h1:fresh",
  "p[style-name='Title'] => h1:fresh",
];

/** Images are dropped without reading them: the minutes are text. */
const skipImages = mammoth.images.imgElement(async () => ({ src: '' }));

export async function readDocx(bytes: Buffer): Promise<string> {
  checkZipSizes(bytes);
  let html: string;
  try {
    const result = await mammoth.convertToHtml(
      { buffer: bytes },
      { styleMap: STYLE_MAP, convertImage: skipImages, externalFileAccess: false },
    );
    html = result.value;
  } catch (e) {
    throw new DocumentError('parse-failed', `The Word document could not be read (${reason(e)})`);
  }
  return htmlToMarkdown(html);
}

function reason(e: unknown): string {
  const message = e instanceof Error ? e.message : String(e);
  if (/central directory|zip/i.test(message)) return 'the file is damaged or not a .docx';
  if (/word\/document\.xml|main document/i.test(message)) return 'the file is a zip archive but not a Word document';
  return message.split('\n')[0].slice(0, 160);
}
