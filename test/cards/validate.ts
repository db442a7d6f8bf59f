/** Checks a card the way a Teams client would read it: the adaptivecards parser at schema 1.5, plus our own rules. */
import * as AC from 'adaptivecards';
import { parseVerbData } from '../../src/cards/actions';
import { CHART_TYPES } from '../../src/cards/charts';

export type Json = Record<string, unknown>;

function walk(node: unknown, visit: (o: Json) => void): void {
  if (Array.isArray(node)) for (const x of node) walk(x, visit);
  else if (node && typeof node === 'object') {
    visit(node as Json);
    for (const v of Object.values(node)) walk(v, visit);
  }
}

export function allOfType(card: unknown, prefix: string): Json[] {
  const out: Json[] = [];
  walk(card, (o) => {
    if (typeof o.type === 'string' && o.type.startsWith(prefix)) out.push(o);
  });
  return out;
}

const chartTypes: readonly string[] = CHART_TYPES;
/** The library does not know Teams' chart elements; it parses their fallback instead, which it validates. */
const knownChart = (message: string): boolean => chartTypes.some((c) => message === `Unknown element type "${c}". Fallback will be used if present.`);

/** Problems the adaptivecards library reports when parsing and validating at schema 1.5. */
export function schemaProblems(card: Json): string[] {
  const ac = new AC.AdaptiveCard();
  const ctx = new AC.SerializationContext(AC.Versions.v1_5);
  ac.parse(card, ctx);
  const problems: string[] = [];
  for (let i = 0; i < ctx.eventCount; i++) if (!knownChart(ctx.getEventAt(i).message)) problems.push(`parse: ${ctx.getEventAt(i).message}`);
  problems.push(...chartProblems(card));
  for (const e of ac.validateProperties().validationEvents) problems.push(`validate: ${e.message}`);
  return problems;
}

const isNum = (x: unknown): boolean => typeof x === 'number' && Number.isFinite(x);
const isArr = (x: unknown): x is Json[] => Array.isArray(x);

/**
 * Teams' chart elements as "Charts in Adaptive Cards" describes them (docs/protocol.md "Charts"):
 * only the listed types, in a 1.5 card, each with a fallback element, and data of the documented shape.
 */
export function chartProblems(card: Json): string[] {
  const problems: string[] = [];
  const charts = allOfType(card, 'Chart.');
  if (charts.length > 0 && card.version !== '1.5') problems.push(`charts need version 1.5, not ${String(card.version)}`);
  for (const c of charts) {
    const type = String(c.type);
    if (!chartTypes.includes(type)) problems.push(`unknown chart type ${type}`);
    const fb = c.fallback as Json | undefined;
    if (!fb || typeof fb !== 'object' || typeof fb.type !== 'string' || fb.type.startsWith('Chart.')) problems.push(`${type} without a text fallback`);
    const slicesOk = (d: unknown) => isArr(d) && d.every((s) => typeof s.legend === 'string' && isNum(s.value));
    if (type === 'Chart.Donut' || type === 'Chart.Pie') {
      if (!slicesOk(c.data)) problems.push(`${type}: data must be [{ legend, value }]`);
    } else if (type === 'Chart.HorizontalBar.Stacked') {
      if (!isArr(c.data) || !c.data.every((b) => typeof b.title === 'string' && slicesOk(b.data)))
        problems.push(`${type}: data must be [{ title, data: [{ legend, value }] }]`);
    } else if (type === 'Chart.Gauge') {
      if (!isNum(c.value)) problems.push(`${type}: value must be a number`);
      if (c.valueFormat !== undefined && c.valueFormat !== 'Percentage' && c.valueFormat !== 'Fraction')
        problems.push(`${type}: valueFormat ${String(c.valueFormat)}`);
      if (c.segments !== undefined && !(isArr(c.segments) && c.segments.every((s) => isNum(s.size))))
        problems.push(`${type}: segments must be [{ legend, size }]`);
    }
  }
  return problems;
}

/** The card as a client without charts shows it: every chart element replaced by its fallback. */
export function withFallbacks(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(withFallbacks);
  if (!node || typeof node !== 'object') return node;
  const o = node as Json;
  if (typeof o.type === 'string' && o.type.startsWith('Chart.')) return withFallbacks(o.fallback);
  return Object.fromEntries(Object.entries(o).map(([k, v]) => [k, withFallbacks(v)]));
}

/** Input values as the card would send them untouched, plus `fill` for inputs the user must type. */
export function inputValues(card: Json, fill: Record<string, string> = {}): Record<string, string> {
  const values: Record<string, string> = {};
  for (const input of allOfType(card, 'Input.')) {
    const id = String(input.id);
    if (input.type === 'Input.Toggle') values[id] = String(input.value ?? input.valueOff ?? 'false');
    else if (input.value !== undefined) values[id] = String(input.value);
  }
  return { ...values, ...fill };
}

/** Our rules: schema problems, versions, action ids, action counts, and every verb's data parses. */
export function cardProblems(card: Json, fill: Record<string, string> = {}): string[] {
  const problems = schemaProblems(card);
  if (card.version !== '1.5' && !/^1\.[0-4]$/.test(String(card.version))) problems.push(`version ${String(card.version)}`);
  if (card.$schema !== 'http://adaptivecards.io/schemas/adaptive-card.json') problems.push('no $schema');
  const ids = allOfType(card, 'Action.')
    .map((a) => a.id)
    .filter((id) => id !== undefined);
  const dup = ids.filter((id, i) => ids.indexOf(id) !== i);
  if (dup.length) problems.push(`duplicate action ids: ${dup.join(', ')}`);
  for (const set of [card, ...allOfType(card, 'ActionSet'), ...allOfType(card, 'AdaptiveCard')]) {
    const actions = (set.actions ?? []) as Json[];
    if (actions.length > 6) problems.push(`${actions.length} actions in one set`);
  }
  const primary = ((card.actions ?? []) as Json[]).filter((a) => a.mode !== 'secondary');
  if (primary.length > 3) problems.push(`${primary.length} primary actions`);
  const values = inputValues(card, fill);
  for (const a of allOfType(card, 'Action.Execute')) {
    const r = parseVerbData(String(a.verb), { ...(a.data as Json), ...values });
    if (!r.ok) problems.push(`verb ${String(a.verb)}: ${r.error}`);
  }
  for (const a of allOfType(card, 'Action.Submit')) {
    const { verb, ...data } = a.data as Json;
    const r = parseVerbData(String(verb), { ...data, ...values });
    if (!r.ok) problems.push(`fallback ${String(verb)}: ${r.error}`);
  }
  return problems;
}

/** Every verb a card emits (buttons and refresh). */
export function verbsOf(card: Json): string[] {
  return allOfType(card, 'Action.Execute').map((a) => String(a.verb));
}

/** All text a user can see or a client receives: the whole JSON. */
export function jsonOf(card: unknown): string {
  return JSON.stringify(card);
}
