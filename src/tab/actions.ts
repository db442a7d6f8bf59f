/**
 * Card actions the side panel intercepts (Action.Execute `onExecuteAction` in the page) and POSTs here
 * as `{ verb, data }`. Data is validated with the cards' own schemas (`parseVerbData`); each verb calls
 * the same application service as the bot's handler. Verbs not listed are for the channel only.
 */
import { loadMeeting } from '../app/access';
import type { AppDeps } from '../app/deps';
import { respondToItem } from '../app/respond-to-item';
import { saveCommunications } from '../app/save-communications';
import { withNote } from '../app/notify';
import { parseVerbData, type Verb, type VerbData } from '../cards/actions';
import { savedMessagesNote } from '../cards/communications-form';
import type { CardJson } from '../cards/render';
import type { Locale } from '../domain';
import { AppError } from '../domain';
import { decisionForm, viewerItemCard } from './api';
import { saveDecision } from './decision';
import { requireManagerViewer, requireMemberViewer, type Viewer } from './viewer';

export interface ActionResult {
  /** The card that replaces the one the action came from. */
  card: CardJson;
  /** The agenda item the card belongs to. */
  itemNumber: number;
}

type Handler<V extends Verb> = (deps: AppDeps, viewer: Viewer, locale: Locale, data: VerbData<V>) => Promise<CardJson>;

const itemResponse: Handler<'item.comment' | 'item.read' | 'item.discuss'> = async (deps, viewer, locale, d) => {
  requireMemberViewer(viewer);
  const change = 'comment' in d ? { comment: d.comment } : 'read' in d ? { read: d.read } : { wantsDiscussion: d.wantsDiscussion };
  await respondToItem(deps, { forumId: viewer.forum.id, meetingId: d.meetingId, itemNumber: d.itemNumber, actor: viewer.actor, ...change });
  const meeting = (await loadMeeting(deps, viewer.forum.id, d.meetingId)).value;
  return viewerItemCard(deps, viewer, locale, meeting, d.itemNumber);
};

const handlers: { [V in PanelVerb]: Handler<V> } = {
  'decision.save': saveDecision,
  'item.decide': (deps, viewer, locale, d) => decisionForm(deps, viewer, locale, d),
  'communications.save': async (deps, viewer, locale, d) => {
    requireManagerViewer(viewer);
    const saved = await saveCommunications(deps, {
      forumId: viewer.forum.id,
      meetingId: d.meetingId,
      actor: viewer.actor,
      lines: d.messages,
      version: d.version,
      itemNumber: d.itemNumber,
    });
    return withNote(await viewerItemCard(deps, viewer, locale, saved.value, d.itemNumber), savedMessagesNote(saved.value.communications, locale));
  },
  'item.comment': itemResponse,
  'item.read': itemResponse,
  'item.discuss': itemResponse,
  refresh: async (deps, viewer, locale, d) => {
    if (d.view !== 'item') throw new AppError('invalid-input', 'only item views refresh in the panel', { messageKey: 'tab.error.unsupported-action' });
    const meeting = (await loadMeeting(deps, viewer.forum.id, d.meetingId)).value;
    return viewerItemCard(deps, viewer, locale, meeting, d.itemNumber);
  },
};

export type PanelVerb = 'decision.save' | 'item.decide' | 'communications.save' | 'item.comment' | 'item.read' | 'item.discuss' | 'refresh';

export function isPanelVerb(verb: string): verb is PanelVerb {
  return Object.hasOwn(handlers, verb);
}

/** The forum id a card action names, to find the viewer's forum before validating the rest. */
export function forumIdOf(data: unknown): string | null {
  return typeof data === 'object' && data !== null && typeof (data as { forumId?: unknown }).forumId === 'string'
    ? (data as { forumId: string }).forumId
    : null;
}

export async function runPanelAction(deps: AppDeps, viewer: Viewer, locale: Locale, verb: string, data: unknown): Promise<ActionResult> {
  if (!isPanelVerb(verb))
    throw new AppError('invalid-input', `verb "${verb.slice(0, 60)}" is not used in the panel`, { messageKey: 'tab.error.unsupported-action' });
  const parsed = parseVerbData(verb, data);
  if (!parsed.ok) throw new AppError('invalid-input', parsed.error, { verb, ...(parsed.fields ? { fields: parsed.fields } : {}) });
  const d = parsed.data as VerbData<PanelVerb> & { forumId: string; itemNumber?: number };
  if (d.forumId !== viewer.forum.id) throw new AppError('forbidden', 'The card belongs to another forum', { messageKey: 'tab.error.not-member' });
  const handler = handlers[verb] as Handler<PanelVerb>;
  const card = await handler(deps, viewer, locale, d);
  return { card, itemNumber: d.itemNumber ?? 0 };
}
