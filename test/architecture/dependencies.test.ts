/**
 * The README's dependency diagram, checked over the real import graph (TypeScript's own import
 * scanner, so type-only and dynamic imports count too). Each rule names the layer, what it may not
 * import and why; a failure lists every offending import as "file → import".
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';

const root = resolve(__dirname, '../..');
const src = join(root, 'src');

interface Import {
  /** The importing file, relative to the repository with forward slashes (src/app/x.ts). */
  from: string;
  /** Our own module as a path without extension (src/bot/bot), or a package name (restify). */
  to: string;
  ours: boolean;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return filesUnder(p);
    return e.name.endsWith('.ts') ? [p] : [];
  });
}

const repoPath = (p: string): string => relative(root, p).split(sep).join('/');

function packageName(spec: string): string {
  const parts = spec.split('/');
  return spec.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

function importsOf(file: string): Import[] {
  const info = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
  return info.importedFiles.map(({ fileName: spec }) => {
    const ours = spec.startsWith('.');
    const to = ours ? repoPath(resolve(dirname(file), spec)).replace(/\.ts$/, '') : packageName(spec);
    return { from: repoPath(file), to, ours };
  });
}

const graph: Import[] = filesUnder(src).flatMap(importsOf);

const under = (folder: string) => (path: string) => path === folder || path.startsWith(`${folder}/`);
const transports = ['restify', 'botbuilder', 'botbuilder-core', 'botframework-connector', 'botframework-schema', 'jose'];

interface Rule {
  name: string;
  /** The importing files the rule applies to. */
  applies: (from: string) => boolean;
  forbidden: (i: Import) => boolean;
}

const rules: Rule[] = [
  {
    name: 'src/domain is pure: it imports nothing of ours outside src/domain',
    applies: under('src/domain'),
    forbidden: (i) => i.ours && !under('src/domain')(i.to),
  },
  {
    name: 'src/minutes and src/cards know no use case, storage, bot or scheduler',
    applies: (f) => under('src/minutes')(f) || under('src/cards')(f),
    forbidden: (i) => i.ours && ['src/app', 'src/store', 'src/bot', 'src/scheduler', 'src/tab'].some((l) => under(l)(i.to)),
  },
  {
    name: 'src/app (use cases) imports no adapter: bot, tab, server, Azure Tables, scheduler or a transport library',
    applies: under('src/app'),
    forbidden: (i) =>
      i.ours
        ? ['src/bot', 'src/tab', 'src/server', 'src/store/tables', 'src/scheduler', 'src/cli', 'src/main', 'src/wiring'].some((l) => under(l)(i.to))
        : transports.includes(i.to),
  },
  {
    name: 'only src/store/tables talks to Azure Tables',
    applies: (f) => !under('src/store/tables')(f),
    forbidden: (i) => !i.ours && i.to === '@azure/data-tables',
  },
];

describe('dependencies point one way (README diagram)', () => {
  it('finds the source files and their imports', () => {
    expect(graph.filter((i) => i.from.startsWith('src/app/')).length).toBeGreaterThan(50);
    expect(graph.some((i) => i.from === 'src/store/tables/client.ts' || i.to === '@azure/data-tables')).toBe(true);
  });

  it.each(rules.map((r) => [r.name, r] as const))('%s', (_name, rule) => {
    const offending = graph.filter((i) => rule.applies(i.from) && rule.forbidden(i)).map((i) => `${i.from} → ${i.to}`);
    expect(offending).toEqual([]);
  });

  it('each rule is able to fail: a forbidden import is caught', () => {
    const samples: Import[] = [
      { from: 'src/domain/x.ts', to: 'src/store/ports', ours: true },
      { from: 'src/cards/x.ts', to: 'src/app/deps', ours: true },
      { from: 'src/app/x.ts', to: 'botbuilder', ours: false },
      { from: 'src/app/x.ts', to: 'src/scheduler/jobs', ours: true },
      { from: 'src/bot/x.ts', to: '@azure/data-tables', ours: false },
    ];
    for (const rule of rules) expect(samples.some((s) => rule.applies(s.from) && rule.forbidden(s))).toBe(true);
  });
});
