/**
 * The small Markdown subset Teams renders in card text: **bold**, _italic_, [links](https://...),
 * "- " bullets and line breaks. Everything is HTML-escaped first, so card text can never inject markup.
 */
function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

function inline(s: string): string {
  return escapeHtml(s)
    .replace(/\*\*(.+?)\*\*/g, '<strong>$1</strong>')
    .replace(/(^|[\s(])_(\S(?:.*?\S)?)_(?=$|[\s).,;:!?])/g, '$1<em>$2</em>')
    .replace(/\[([^\]]+)\]\((https:\/\/[^\s)]+)\)/g, '<a href="$2" target="_blank" rel="noopener noreferrer">$1</a>');
}

export function markdownToHtml(text: string): string {
  return text
    .split(/\r?\n/)
    .map((line) => (/^\s*[-*] /.test(line) ? `• ${inline(line.replace(/^\s*[-*] /, ''))}` : inline(line)))
    .join('<br>');
}
