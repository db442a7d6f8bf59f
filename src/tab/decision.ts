/**
 * "Gem beslutning" from the side panel: the decision form's validated data → recordDecision, the same
 * service as the card's handler (so the channel's item card is updated too). When the saved text holds
 * follow-ups the form did not offer yet, the form comes back with them for the secretary to confirm.
 *
 * The form-data → ConfirmedFollowUp mapping mirrors src/bot/handlers/decision-save.ts (botbuilder-free
 * code cannot import the bot's handler); a later move of that mapping into src/app removes the copy.
 */
import { findItem, loadMeeting } from '../app/access';
import { type ConfirmedFollowUp, recordDecision } from '../app/record-decision';
import { suggestForItem } from '../app/suggest-follow-ups';
import type { VerbData } from '../cards/actions';
import type { SavedFollowUp } from '../cards/form-verbs';
import type { CardJson } from '../cards/render';
import type { DueDate, FollowUpSuggestion, Forum, Locale, Owner } from '../domain';
import { t } from '../i18n';
import type { AppDeps } from '../app/deps';
import { decisionForm, viewerItemCard } from './api';
import { requireManagerViewer, type Viewer } from './viewer';

/** Owners the form cannot offer as a choice ("Cheferne", "direktøren"): kept from the suggestion. */
const UNOFFERABLE: Owner['kind'][] = ['all-chiefs', 'role', 'person'];

function ownerOf(forum: Forum, f: SavedFollowUp, suggestion: FollowUpSuggestion | undefined): Owner | null {
  if (f.owner?.kind === 'member') {
    const userId = f.owner.userId;
    return { kind: 'member', userId, name: forum.members.find((m) => m.userId === userId)?.name ?? '' };
  }
  if (f.owner?.kind === 'department') return { kind: 'department', name: f.owner.name };
  return suggestion?.owner && UNOFFERABLE.includes(suggestion.owner.kind) ? suggestion.owner : null;
}

/** The suggested period ("medio april") when the date was left as suggested, else that day. */
function dueOf(f: SavedFollowUp, suggestion: FollowUpSuggestion | undefined): DueDate | null {
  if (!f.due) return null;
  const s = suggestion?.due;
  if (s && f.due.text && s.due === f.due.date && s.text === f.due.text) return s;
  return { due: f.due.date, dueFrom: f.due.date, precision: 'day', text: f.due.text ?? '' };
}

function toConfirmed(forum: Forum, saved: SavedFollowUp[], offered: FollowUpSuggestion[]): ConfirmedFollowUp[] {
  return saved.map((f) => {
    const suggestion =
      f.origin === 'suggested' ? (offered.find((s) => s.text.trim() === f.text.trim()) ?? offered.find((s) => s.due?.due === f.due?.date)) : undefined;
    return { text: f.text, kind: f.kind, owner: ownerOf(forum, f, suggestion), due: dueOf(f, suggestion), evidence: suggestion?.evidence ?? '' };
  });
}

/** Puts a short line at the top of a card ("saved; now confirm these"). */
function withNote(card: CardJson, text: string): CardJson {
  const body = Array.isArray(card.body) ? card.body : [];
  return { ...card, body: [{ type: 'TextBlock', text, wrap: true, color: 'Good', weight: 'Bolder' }, ...body] };
}

export async function saveDecision(deps: AppDeps, viewer: Viewer, locale: Locale, d: VerbData<'decision.save'>): Promise<CardJson> {
  requireManagerViewer(viewer);
  const forum = viewer.forum;
  const meeting = (await loadMeeting(deps, forum.id, d.meetingId)).value;
  const item = findItem(meeting, d.itemNumber);
  const before = await deps.store.decisions.get(d.meetingId, d.itemNumber);
  const formText = before?.value.text ?? item.decision ?? '';
  const offered = await suggestForItem(deps, { meeting, itemNumber: item.number, decisionText: formText });
  const result = await recordDecision(deps, {
    forumId: forum.id,
    meetingId: d.meetingId,
    itemNumber: d.itemNumber,
    actor: viewer.actor,
    outcome: d.outcome,
    outcomeText: d.outcomeText,
    proposals: d.proposals.map((p) => ({ ...p, note: null })),
    text: d.text,
    followUps: toConfirmed(forum, d.followUps, offered),
    version: d.version,
  });
  deps.logger.info(
    { via: 'side-panel', meetingId: d.meetingId, itemNumber: d.itemNumber, followUps: result.followUps.length, unchanged: result.unchanged },
    'decision recorded',
  );
  if (!result.unchanged && d.text.trim() !== formText.trim()) {
    const confirmed = new Set(result.followUps.map((f) => f.text.trim()));
    const fresh = (await suggestForItem(deps, { meeting, itemNumber: item.number, decisionText: d.text })).filter(
      (s) => !confirmed.has(s.text.trim()) && !offered.some((o) => o.text.trim() === s.text.trim()),
    );
    if (fresh.length > 0) {
      const form = await decisionForm(deps, viewer, locale, { meetingId: meeting.id, itemNumber: item.number }, fresh);
      return withNote(form, t(locale, 'meeting.decision.suggestions', { count: fresh.length }));
    }
  }
  return viewerItemCard(deps, viewer, locale, meeting, item.number);
}
