/** Minutes as Markdown in the forum's layout: `#` headings and `**bold**` labels, like its own Markdown minutes. */
import { type Block, layout, type MinutesDocument } from './layout';

function blockText(block: Block): string {
  switch (block.type) {
    case 'title':
      return `# ${block.text}`;
    case 'field':
      return `**${block.label}** ${block.text}`;
    case 'heading':
      return `${'#'.repeat(block.level)} ${block.text}`;
    case 'toc':
      return block.entries.join('\n');
    case 'paragraph':
      return block.text;
  }
}

export function renderMarkdown(doc: MinutesDocument): string {
  return `${layout(doc)
    .map(blockText)
    .filter((t) => t !== '')
    .join('\n\n')}\n`;
}
