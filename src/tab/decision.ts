/**
 * "Gem beslutning" from the side panel: the decision form's validated data → the same service as the
 * card's handler (src/app/decision-form.ts, so the channel's item card is updated too). When the saved
 * text holds follow-ups the form did not offer yet, the form comes back with them for the secretary
 * to confirm.
 */
import { loadMeeting } from '../app/access';
import { saveDecisionForm } from '../app/decision-form';
import type { AppDeps } from '../app/deps';
import { withNote } from '../app/notify';
import type { VerbData } from '../cards/actions';
import type { CardJson } from '../cards/render';
import type { Locale } from '../domain';
import { t } from '../i18n';
import { decisionForm, viewerItemCard } from './api';
import { requireManagerViewer, type Viewer } from './viewer';

export async function saveDecision(deps: AppDeps, viewer: Viewer, locale: Locale, d: VerbData<'decision.save'>): Promise<CardJson> {
  requireManagerViewer(viewer);
  const meeting = (await loadMeeting(deps, viewer.forum.id, d.meetingId)).value;
  const { result, fresh } = await saveDecisionForm(deps, { forum: viewer.forum, meeting, actor: viewer.actor, data: d });
  deps.logger.info(
    { via: 'side-panel', meetingId: d.meetingId, itemNumber: d.itemNumber, followUps: result.followUps.length, unchanged: result.unchanged },
    'decision recorded',
  );
  if (fresh.length > 0) {
    const form = await decisionForm(deps, viewer, locale, { meetingId: meeting.id, itemNumber: d.itemNumber }, fresh);
    return withNote(form, t(locale, 'meeting.decision.suggestions', { count: fresh.length }));
  }
  return viewerItemCard(deps, viewer, locale, meeting, d.itemNumber);
}
