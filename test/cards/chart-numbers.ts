/** Reads the numbers a chart draws and the numbers its text fallback says, in one comparable form. */
import { allOfType, type Json } from './validate';

export type Fact = { title: string; value: string };
export const facts = (node: unknown): Fact[] => allOfType(node, 'FactSet').flatMap((f) => f.facts as Fact[]);

/** Every number a chart draws, as "label: value" (bars: "bar / legend: value"). */
export function chartNumbers(chart: Json): string[] {
  if (chart.type === 'Chart.Gauge') return [`${String(chart.value)} %`];
  const data = chart.data as Json[];
  if (chart.type === 'Chart.HorizontalBar.Stacked') {
    return data.flatMap((b) => (b.data as Json[]).map((s) => `${String(b.title)} / ${String(s.legend)}: ${String(s.value)}`));
  }
  return data.map((s) => `${String(s.legend)}: ${String(s.value)}`);
}

/** The same numbers as the fallback says them. */
export function fallbackNumbers(chart: Json): string[] {
  const fb = facts(chart.fallback);
  if (chart.type === 'Chart.Gauge') return fb.map((f) => f.value.split(' (')[0]);
  if (chart.type === 'Chart.HorizontalBar.Stacked') return fb.flatMap((f) => f.value.split(' · ').map((part) => `${f.title} / ${part}`));
  return fb.map((f) => `${f.title}: ${f.value}`);
}
