/**
 * The decision form's two ends, shared by the item card (src/bot/handlers/item-decide.ts,
 * decision-save.ts) and the meeting side panel (src/tab): what the form offers, and what a saved form
 * means (form rows → ConfirmedFollowUp) before recordDecision stores it.
 *
 * Rows: before anything is recorded, the follow-ups the minutes core finds in the item's text; once a
 * decision is recorded, its open follow-ups (with their ids, so a save edits them) plus, after a save
 * whose new text held more, those new suggestions.
 */
import type { VerbData } from '../cards/actions';
import type { DecisionFormOptions } from '../cards/decision-form';
import type { SavedFollowUp } from '../cards/form-verbs';
import type { AgendaItem, DueDate, FollowUp, FollowUpSuggestion, Forum, Meeting, Owner } from '../domain';
import { t } from '../i18n';
import { type ActorRef, findItem } from './access';
import type { ConfirmedFollowUp } from './decision-follow-ups';
import type { AppDeps } from './deps';
import { type RecordedDecision, recordDecision } from './record-decision';
import { suggestForItem } from './suggest-follow-ups';

type Offered = FollowUpSuggestion & { id?: string };

/** Owners the form cannot offer as a choice ("Cheferne", "direktøren"): kept from the row's origin. */
const UNOFFERABLE: Owner['kind'][] = ['all-chiefs', 'role', 'person'];

function asRow(f: FollowUp): Offered {
  return { id: f.id, itemNumber: f.itemNumber, text: f.text, kind: f.kind, owner: f.owner, due: f.due, evidence: f.evidence, confidence: f.confidence };
}

async function recordedRows(deps: AppDeps, forum: Forum, meeting: Meeting, itemNumber: number): Promise<FollowUp[]> {
  const all = await deps.store.followUps.listByMeeting(forum.id, meeting.id);
  return all.filter((f) => f.itemNumber === itemNumber && f.status === 'open');
}

/** What the decision form of `item` shows; `fresh`: suggestions from a text just saved. */
export async function decisionFormOptions(
  deps: AppDeps,
  input: { forum: Forum; meeting: Meeting; item: AgendaItem; fresh?: FollowUpSuggestion[] },
): Promise<DecisionFormOptions> {
  const { forum, meeting, item } = input;
  const current = await deps.store.decisions.get(meeting.id, item.number);
  let suggestions: Offered[];
  if (current) {
    suggestions = [...(await recordedRows(deps, forum, meeting, item.number)).map(asRow), ...(input.fresh ?? [])];
  } else {
    suggestions = input.fresh ?? (await suggestForItem(deps, { meeting, itemNumber: item.number, decisionText: item.decision ?? '' }));
  }
  return {
    forumId: forum.id,
    meetingId: meeting.id,
    suggestions,
    roster: forum.members,
    departments: forum.departments,
    current: current?.value ?? null,
    version: current?.etag ?? null,
  };
}

function ownerOf(forum: Forum, f: SavedFollowUp, origin: Offered | undefined): Owner | null {
  if (f.owner?.kind === 'member') {
    const userId = f.owner.userId;
    return { kind: 'member', userId, name: forum.members.find((m) => m.userId === userId)?.name ?? '' };
  }
  if (f.owner?.kind === 'department') return { kind: 'department', name: f.owner.name };
  if (f.owner?.kind === 'all-chiefs') {
    return { kind: 'all-chiefs', name: origin?.owner?.kind === 'all-chiefs' ? origin.owner.name : t(forum.locale, 'card.decision.allChiefs') };
  }
  if (f.owner?.kind === 'person') {
    // resolveOwner (decision-follow-ups.ts) fills in the secretary when no responsible member was chosen.
    const userId = f.owner.responsibleUserId;
    const responsible = userId ? forum.members.find((x) => x.userId === userId) : undefined;
    return { kind: 'person', name: f.owner.name, ...(responsible ? { responsible: { userId: responsible.userId, name: responsible.name } } : {}) };
  }
  return origin?.owner && UNOFFERABLE.includes(origin.owner.kind) ? origin.owner : null;
}

/** The row's period ("medio april") when its date was left as it was, else that day. */
function dueOf(f: SavedFollowUp, origin: Offered | undefined): DueDate | null {
  if (!f.due) return null;
  const s = origin?.due;
  if (s && f.due.text && s.due === f.due.date && s.text === f.due.text) return s;
  return { due: f.due.date, dueFrom: f.due.date, precision: 'day', text: f.due.text ?? '' };
}

/** The saved form's rows as confirmed follow-ups; `offered` is what the rows came from. */
export function confirmedFollowUps(forum: Forum, saved: readonly SavedFollowUp[], offered: readonly Offered[]): ConfirmedFollowUp[] {
  return saved.map((f) => {
    const recorded = f.id ? offered.find((o) => o.id === f.id) : undefined;
    const suggestion =
      recorded ??
      (f.origin === 'suggested'
        ? (offered.find((s) => !s.id && s.text.trim() === f.text.trim()) ?? offered.find((s) => !s.id && s.due?.due === f.due?.date))
        : undefined);
    return {
      ...(recorded ? { id: recorded.id } : {}),
      text: f.text,
      kind: f.kind,
      owner: ownerOf(forum, f, suggestion),
      due: dueOf(f, suggestion),
      evidence: suggestion?.evidence ?? '',
    };
  });
}

export interface SavedDecisionForm {
  result: RecordedDecision;
  /** Follow-ups found in a changed text that the form did not offer yet (offer them in the form again). */
  fresh: FollowUpSuggestion[];
}

/** "Gem beslutning": records the form and says which new suggestions its text holds. */
export async function saveDecisionForm(
  deps: AppDeps,
  input: { forum: Forum; meeting: Meeting; actor: ActorRef; data: VerbData<'decision.save'> },
): Promise<SavedDecisionForm> {
  const { forum, meeting, data: d } = input;
  const item = findItem(meeting, d.itemNumber);
  const before = await deps.store.decisions.get(meeting.id, item.number);
  const formText = before?.value.text ?? item.decision ?? '';
  const fromText = await suggestForItem(deps, { meeting, itemNumber: item.number, decisionText: formText });
  const offered: Offered[] = [...(await recordedRows(deps, forum, meeting, item.number)).map(asRow), ...fromText];
  const result = await recordDecision(deps, {
    forumId: forum.id,
    meetingId: meeting.id,
    itemNumber: d.itemNumber,
    actor: input.actor,
    outcome: d.outcome,
    outcomeText: d.outcomeText,
    proposals: d.proposals.map((p) => ({ ...p, note: null })),
    text: d.text,
    followUps: confirmedFollowUps(forum, d.followUps, offered),
    version: d.version,
  });
  if (result.unchanged || d.text.trim() === formText.trim()) return { result, fresh: [] };
  const known = new Set([...result.followUps, ...offered].map((f) => f.text.trim()));
  const fresh = (await suggestForItem(deps, { meeting, itemNumber: item.number, decisionText: d.text })).filter((s) => !known.has(s.text.trim()));
  return { result, fresh };
}
