/**
 * Renders card JSON with the Adaptive Cards renderer, as Teams would. Action.Execute (and an
 * Action.Submit fallback) is intercepted and handed to the page with its verb and data (inputs
 * included); Action.ToggleVisibility works inside the renderer.
 */
import * as AC from 'adaptivecards';
import { markdownToHtml } from './markdown';

export type ActionHandler = (verb: string, data: Record<string, unknown>) => void;

const hostConfig = new AC.HostConfig({
  fontFamily: '"Segoe UI", system-ui, -apple-system, sans-serif',
  supportsInteractivity: true,
  spacing: { small: 4, default: 8, medium: 16, large: 20, extraLarge: 24, padding: 10 },
  actions: {
    maxActions: 6,
    spacing: 'default',
    buttonSpacing: 6,
    showCard: { actionMode: 'inline', inlineTopMargin: 8 },
    actionsOrientation: 'vertical',
    actionAlignment: 'stretch',
  },
});

AC.AdaptiveCard.onProcessMarkdown = (text, result) => {
  result.outputHtml = markdownToHtml(text);
  result.didProcess = true;
};

function recordOf(x: unknown): Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x) ? { ...(x as Record<string, unknown>) } : {};
}

/** The element for `json`; `onAction` gets the card's Action.Execute verbs. */
export function renderCard(json: Record<string, unknown>, onAction: ActionHandler): HTMLElement {
  const card = new AC.AdaptiveCard();
  card.hostConfig = hostConfig;
  card.onExecuteAction = (action) => {
    if (action instanceof AC.ExecuteAction) {
      onAction(action.verb, recordOf(action.data));
    } else if (action instanceof AC.SubmitAction) {
      const data = recordOf(action.data);
      if (typeof data.verb === 'string') onAction(data.verb, data);
    }
  };
  card.parse(json);
  const element = card.render();
  if (!element) {
    const empty = document.createElement('div');
    return empty;
  }
  return element;
}
