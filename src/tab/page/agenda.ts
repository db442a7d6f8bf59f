/**
 * The agenda in the panel: the overview card, then one section per item showing that item's card.
 * Card actions go to the API and the answer replaces the item's card; a failed save shows the reason
 * above the form and leaves the form (and everything typed in it) as it was.
 * A closed item shows "Lukket punkt"; a roster member can open its content with a button.
 */
import type { ApiClient, Card, MeetingView, PanelItem } from './client';
import { ApiError } from './client';
import { type ActionHandler, renderCard } from './cards';
import { type Locale, t } from './text';

function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, text?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  if (text !== undefined) e.textContent = text;
  return e;
}

class ItemSection {
  readonly root: HTMLElement;
  private readonly slot = el('div', { class: 'slot' });
  private readonly notice = el('div', { class: 'notice-slot' });
  private revealed = false;
  private busy = false;
  private toggle: HTMLButtonElement | null = null;

  constructor(
    private item: PanelItem,
    private readonly api: ApiClient,
    private readonly locale: Locale,
  ) {
    this.root = el('section', { class: 'item', id: `item-${item.number}`, 'data-item': String(item.number) });
    if (item.closed && item.privateCard) {
      this.toggle = el('button', { type: 'button', class: 'plain', 'aria-expanded': 'false' }, t(locale, 'tab.page.show-closed'));
      this.toggle.addEventListener('click', () => this.setRevealed(!this.revealed));
      this.root.append(this.toggle);
    }
    this.root.append(this.notice, this.slot);
    this.show(item.card);
  }

  private setRevealed(on: boolean): void {
    this.revealed = on;
    this.toggle?.setAttribute('aria-expanded', String(on));
    if (this.toggle) this.toggle.textContent = t(this.locale, on ? 'tab.page.hide-closed' : 'tab.page.show-closed');
    this.notice.replaceChildren();
    this.show(on && this.item.privateCard ? this.item.privateCard : this.item.card);
  }

  private show(card: Card): void {
    const onAction: ActionHandler = (verb, data) => void this.run(verb, data);
    this.slot.replaceChildren(renderCard(card, onAction));
  }

  private say(kind: 'error' | 'saved', text: string): void {
    this.notice.replaceChildren(el('p', { class: kind, role: kind === 'error' ? 'alert' : 'status' }, text));
  }

  private async run(verb: string, data: Record<string, unknown>): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    this.root.setAttribute('aria-busy', 'true');
    this.notice.replaceChildren(el('p', { class: 'status-line' }, verb === 'decision.save' ? t(this.locale, 'tab.page.saving') : '…'));
    try {
      const answer =
        verb === 'item.decide'
          ? await this.api.decisionForm({ forumId: String(data.forumId), meetingId: String(data.meetingId), itemNumber: Number(data.itemNumber) })
          : await this.api.action(verb, data);
      if (this.item.closed) {
        this.item = { ...this.item, privateCard: answer.card };
        this.revealed = true;
        this.toggle?.setAttribute('aria-expanded', 'true');
        if (this.toggle) this.toggle.textContent = t(this.locale, 'tab.page.hide-closed');
      } else {
        this.item = { ...this.item, card: answer.card };
      }
      this.show(answer.card);
      if (verb.endsWith('.save')) this.say('saved', t(this.locale, 'tab.page.saved'));
      else this.notice.replaceChildren();
    } catch (e) {
      const message = e instanceof ApiError ? e.message : t(this.locale, 'tab.page.network');
      const saving = verb.endsWith('.save');
      this.say('error', saving ? `${message} ${t(this.locale, 'tab.page.not-saved')}` : message);
    } finally {
      this.busy = false;
      this.root.removeAttribute('aria-busy');
    }
  }
}

/** The viewer's language: Dansk / English / as Teams; a change is stored, then the panel reloads. */
function languagePicker(view: MeetingView, api: ApiClient, reload: () => void): HTMLElement {
  const locale = view.locale;
  const label = el('label', { class: 'language' }, `${t(locale, 'tab.page.language')} `);
  const select = el('select', { id: 'language' });
  const current = view.language ?? 'auto';
  for (const value of ['da', 'en', 'auto'] as const) {
    const option = el('option', { value }, t(locale, `tab.page.language.${value}`));
    if (value === current) option.selected = true;
    select.append(option);
  }
  select.addEventListener('change', () => {
    select.disabled = true;
    void api.language(select.value as Locale | 'auto').then(reload, () => {
      select.disabled = false;
      label.append(el('span', { class: 'error', role: 'alert' }, ` ${t(locale, 'tab.page.network')}`));
    });
  });
  label.append(select);
  return label;
}

export function renderAgenda(root: HTMLElement, view: MeetingView, api: ApiClient, reload: () => void = () => undefined): void {
  const locale = view.locale;
  const parts: HTMLElement[] = [el('h1', {}, view.forum.name)];
  if (view.role !== 'guest') parts.push(languagePicker(view, api, reload));
  if (view.canDecide) parts.push(el('p', { class: 'sub' }, t(locale, 'tab.page.role.manager')));
  if (view.role === 'guest') parts.push(el('p', { class: 'sub' }, t(locale, 'tab.page.role.guest')));
  if (view.message) parts.push(el('p', { class: 'notice' }, view.message));
  if (view.overview) {
    const overview = el('section', { class: 'overview' });
    // The overview's own buttons (closing the meeting) belong to the channel; the panel shows no such button.
    overview.append(renderCard(view.overview, () => undefined));
    parts.push(overview);
  }
  for (const item of view.items) parts.push(new ItemSection(item, api, locale).root);
  if (view.followUpStatus) {
    const status = el('section', { class: 'follow-up-status', id: 'follow-up-status' });
    status.append(
      el('h2', {}, t(locale, 'tab.page.follow-up')),
      renderCard(view.followUpStatus, () => undefined),
    );
    parts.push(status);
  }
  root.replaceChildren(...parts);
}
