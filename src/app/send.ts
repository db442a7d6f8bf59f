/** Sending through the Messenger port, with one guarantee the services rely on: a real activity id. */
import { AppError } from '../domain';
import type { StoredConversation } from '../store/ports';
import type { AppDeps } from './deps';
import type { OutgoingMessage } from './messenger';

/** The posted activity's id; a send that reports none counts as failed (retryable), never as posted. */
export async function sendMessage(deps: AppDeps, conversation: StoredConversation, message: OutgoingMessage): Promise<string> {
  const sent = await deps.messenger.send(conversation, message);
  if (!sent?.activityId) throw new AppError('delivery-failed', 'The message was not confirmed by Teams', { permanent: false });
  return sent.activityId;
}
