/**
 * Expands the Adaptive Card templates in `cards/*.json` (adaptivecards-templating) and measures cards.
 *
 * Size: Teams counts message size in UTF-16, so `cardSize` is the UTF-16 length of the card's JSON
 * times 2 (bytes). That over-counts ASCII against a UTF-8 byte count, i.e. it errs on the safe side.
 * Our own budget (TEAMS.md) is 28 KB = 28,672 of those bytes per card.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as ACData from 'adaptivecards-templating';
import { AppError } from '../domain/errors';
import type { CardTemplates, TemplateName } from './templates';

export type CardJson = Record<string, unknown>;

export const CARD_SCHEMA = 'http://adaptivecards.io/schemas/adaptive-card.json';
/** The newest schema Teams renders. */
export const MAX_CARD_VERSION = '1.5';
/** Our per-card size budget in bytes as `cardSize` counts them. */
export const CARD_BUDGET_BYTES = 28 * 1024;

/** The folder holding `cards/` and `package.json`, found upwards from this file (works for src/ and dist/src/). */
function findTemplateDir(): string {
  let dir = __dirname;
  for (;;) {
    if (fs.existsSync(path.join(dir, 'package.json')) && fs.existsSync(path.join(dir, 'cards'))) {
      return path.join(dir, 'cards');
    }
    const parent = path.dirname(dir);
    if (parent === dir) throw new AppError('internal', `Card templates folder not found above ${__dirname}`);
    dir = parent;
  }
}

/**
 * The templates of `cards/` and their expansion. One per process: the templating library's hook for
 * undefined fields is global, so it is installed once and reports to the expansion under way
 * (expansion is synchronous, so it cannot see another call's fields).
 */
class CardRenderer {
  // Parsed templates are immutable once loaded; the cache only saves re-reading files.
  private readonly templates = new Map<string, ACData.Template>();
  private dir: string | null = null;
  private missing: string[] | null = null;

  constructor() {
    ACData.GlobalSettings.getUndefinedFieldValueSubstitutionString = (p: string) => {
      this.missing?.push(p);
      return undefined;
    };
  }

  render<N extends TemplateName>(name: N, data: CardTemplates[N]): CardJson {
    const template = this.load(name);
    const missing: string[] = [];
    this.missing = missing;
    let card: unknown;
    try {
      card = template.expand({ $root: data });
    } finally {
      this.missing = null;
    }
    if (missing.length > 0) {
      throw new AppError('internal', `Card template ${name} has no data for: ${[...new Set(missing)].join(', ')}`);
    }
    if (!isCard(card)) throw new AppError('internal', `Card template ${name} did not produce an AdaptiveCard`);
    return { $schema: CARD_SCHEMA, ...card, version: cappedVersion(card.version) };
  }

  private load(name: string): ACData.Template {
    const cached = this.templates.get(name);
    if (cached) return cached;
    if (!/^[a-z0-9][a-z0-9-]*$/.test(name)) throw new AppError('internal', `Bad card template name: ${name}`);
    this.dir ??= findTemplateDir();
    const file = path.join(this.dir, `${name}.json`);
    if (!fs.existsSync(file)) throw new AppError('internal', `Card template not found: cards/${name}.json`);
    const template = new ACData.Template(JSON.parse(fs.readFileSync(file, 'utf8')));
    this.templates.set(name, template);
    return template;
  }
}

const renderer = new CardRenderer();

/**
 * Renders `cards/<name>.json` with `data` as `$root`; the data's type is the template's
 * (src/cards/templates.ts). Throws AppError('internal') naming the template fields that had no data
 * (a builder bug: the template would show `${field}` to users).
 */
export function renderCard<N extends TemplateName>(name: N, data: CardTemplates[N]): CardJson {
  return renderer.render(name, data);
}

function isCard(x: unknown): x is CardJson & { version?: unknown } {
  return typeof x === 'object' && x !== null && (x as { type?: unknown }).type === 'AdaptiveCard';
}

function cappedVersion(v: unknown): string {
  return typeof v === 'string' && /^1\.[0-5]$/.test(v) ? v : MAX_CARD_VERSION;
}

/** The attachment a message carries for a card. */
export function cardAttachment(card: CardJson): { contentType: 'application/vnd.microsoft.card.adaptive'; content: CardJson } {
  return { contentType: 'application/vnd.microsoft.card.adaptive', content: card };
}

/** Bytes of the card's JSON counted as UTF-16 (2 bytes per code unit): conservative for Teams' limit. */
export function cardSize(card: unknown): number {
  return JSON.stringify(card).length * 2;
}

/** Throws AppError('too-large') when the card is over the 28 KB budget. */
export function assertCardBudget(card: CardJson, budget = CARD_BUDGET_BYTES): void {
  const size = cardSize(card);
  if (size > budget) throw new AppError('too-large', `Card is ${size} bytes, budget ${budget}`, { size, budget });
}

/**
 * Shortens `text` to at most `maxChars` characters, cutting at a word boundary where one is near and
 * ending with "…". Returns the text unchanged when it fits.
 */
export function fitText(text: string, maxChars: number): string {
  if (text.length <= maxChars) return text;
  if (maxChars <= 1) return maxChars === 1 ? '…' : '';
  let cut = text.slice(0, maxChars - 1);
  const space = cut.search(/\s\S*$/);
  if (space > maxChars * 0.8) cut = cut.slice(0, space);
  // Never leave half a surrogate pair.
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  return `${cut.trimEnd()}…`;
}
