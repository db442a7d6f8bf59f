/** Export of agendas and minutes in the forum's own layout. */
export { renderDocx } from './docx';
export type { MinutesDocument } from './layout';
export { renderMarkdown } from './markdown';
