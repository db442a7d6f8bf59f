/**
 * "Too large" tells the user what is too large and the limit in one language: fully Danish by
 * default, fully English in English (the services' English reasons stay in the log).
 */
import { MAX_COMMENT_CHARS } from '../../src/cards/actions';
import { importAgenda } from '../../src/app/import-agenda';
import { respondToItem } from '../../src/app/respond-to-item';
import { userMessage } from '../../src/app/errors';
import { AppError } from '../../src/domain';
import { rejection } from '../support/rejection';
import { actor, aMeeting, FORUM_ID, members, useWorld } from './world';

const world = useWorld();
/** Words of the services' English reasons that must not reach a Danish user. */
const ENGLISH = /\b(the|is|must|characters|million|under|at most|over|least|too large|budget|card)\b/i;

describe('the too-large message', () => {
  it('for a pasted agenda of 10 million characters', async () => {
    const w = await world();
    const huge = `DAGSORDEN\n${'Lorem ipsum dolor sit amet. '.repeat(380_000)}`;
    const err = await rejection(importAgenda(w.deps, { forum: w.forum, actor: actor(members.secretary), document: { text: huge } }));
    expect(userMessage('da', err)).toBe('Teksten er for lang til en dagsorden: den skal være under 2 mio. tegn.');
    expect(userMessage('en', err)).toBe('The text is too long for an agenda: it must be under 2 million characters.');
  });

  it('for a comment over the limit', async () => {
    const w = await world();
    await w.store.meetings.create(aMeeting());
    const err = await rejection(
      respondToItem(w.deps, {
        forumId: FORUM_ID,
        meetingId: 'meeting-1',
        itemNumber: 1,
        actor: actor(members.culture),
        comment: 'x'.repeat(MAX_COMMENT_CHARS + 1),
      }),
    );
    expect(err.code).toBe('too-large');
    expect(userMessage('da', err)).toBe(`En kommentar kan højst være ${MAX_COMMENT_CHARS} tegn.`);
    expect(userMessage('da', err)).not.toMatch(ENGLISH);
    expect(userMessage('en', err)).toBe(`A comment can be at most ${MAX_COMMENT_CHARS} characters.`);
  });

  it('for anything else too large: Danish without the English reason', () => {
    const err = new AppError('too-large', 'Card is 40000 bytes, budget 28000');
    expect(userMessage('da', err)).toBe('Det er for stort til, at jeg kan tage imod det. Gør det mindre, og prøv igen.');
    expect(userMessage('da', err)).not.toMatch(ENGLISH);
    expect(userMessage('en', err)).not.toMatch(/budget|bytes/);
  });
});
