/**
 * Builds the side panel page (src/tab/page → build/tab) with esbuild: main.ts and config-page.ts
 * bundled for the browser, the HTML and CSS copied. `ensureTabBundle` rebuilds only when the page's
 * inputs changed since the last build (a hash of every source file esbuild read, our own and the
 * packages' versions), so `npm start` and the tests always serve a fresh page; `npm run build:tab`
 * forces a build (for deployments that run without the sources' dev tooling).
 *
 * Files are written under temporary names and renamed into place, so two processes building at once
 * (test workers) never serve half a file.
 */
import { createHash, randomBytes } from 'node:crypto';
import * as fs from 'node:fs/promises';
import { existsSync } from 'node:fs';
import * as path from 'node:path';

const ENTRIES = ['main.ts', 'config-page.ts'];
const COPIED = ['index.html', 'config.html', 'style.css'];
const STAMP = '.inputs.json';

export interface BundlePaths {
  /** src/tab/page */
  pageDir: string;
  /** build/tab */
  outDir: string;
}

/** The repository root (holds package.json and src/tab/page), found upwards from this file. */
export function defaultBundlePaths(): BundlePaths {
  let dir = __dirname;
  for (;;) {
    if (existsSync(path.join(dir, 'package.json')) && existsSync(path.join(dir, 'src', 'tab'))) {
      return { pageDir: path.join(dir, 'src', 'tab', 'page'), outDir: path.join(dir, 'build', 'tab') };
    }
    const parent = path.dirname(dir);
    if (parent === dir) return { pageDir: path.join(__dirname, 'page'), outDir: path.join(__dirname, '..', '..', 'build', 'tab') };
    dir = parent;
  }
}

interface Stamp {
  inputs: string[];
  hash: string;
}

async function hashOf(files: string[]): Promise<string> {
  const h = createHash('sha256');
  for (const f of [...files].sort()) {
    h.update(f);
    h.update(await fs.readFile(f).catch(() => Buffer.from('(missing)')));
  }
  return h.digest('hex');
}

/** Every file of the page folder plus what the last build read (node_modules by package.json only). */
async function currentInputs(paths: BundlePaths, previous: string[]): Promise<string[]> {
  const own = (await fs.readdir(paths.pageDir)).map((f) => path.join(paths.pageDir, f));
  return [...new Set([...own, ...previous])];
}

async function readStamp(outDir: string): Promise<Stamp | null> {
  try {
    const s = JSON.parse(await fs.readFile(path.join(outDir, STAMP), 'utf8')) as Partial<Stamp>;
    return Array.isArray(s.inputs) && typeof s.hash === 'string' ? { inputs: s.inputs.map(String), hash: s.hash } : null;
  } catch {
    return null;
  }
}

async function writeAtomically(file: string, content: string | Uint8Array): Promise<void> {
  const tmp = `${file}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`;
  await fs.writeFile(tmp, content);
  await fs.rename(tmp, file);
}

/** What esbuild read: our sources, and for packages their package.json (its version stands for them). */
function inputsFrom(metafileInputs: string[], cwd: string): string[] {
  const out = new Set<string>();
  for (const input of metafileInputs) {
    const abs = path.resolve(cwd, input);
    const nm = abs.indexOf(`${path.sep}node_modules${path.sep}`);
    if (nm < 0) {
      out.add(abs);
      continue;
    }
    const rest = abs.slice(nm + 14).split(path.sep);
    const pkg = rest[0].startsWith('@') ? rest.slice(0, 2) : rest.slice(0, 1);
    out.add(path.join(abs.slice(0, nm + 14), ...pkg, 'package.json'));
  }
  return [...out];
}

/** The repository root: src/tab/page is three folders below it. */
function rootOf(paths: BundlePaths): string {
  return path.resolve(paths.pageDir, '..', '..', '..');
}

/** Builds unconditionally; returns the bundle sizes in bytes. */
export async function buildTabBundle(paths: BundlePaths = defaultBundlePaths()): Promise<Record<string, number>> {
  const esbuild = await import('esbuild');
  await fs.mkdir(paths.outDir, { recursive: true });
  const result = await esbuild.build({
    entryPoints: ENTRIES.map((e) => path.join(paths.pageDir, e)),
    bundle: true,
    minify: true,
    format: 'iife',
    target: ['chrome100', 'edge100', 'safari15'],
    platform: 'browser',
    outdir: paths.outDir,
    write: false,
    metafile: true,
    legalComments: 'none',
    logLevel: 'silent',
    absWorkingDir: rootOf(paths),
  });
  const sizes: Record<string, number> = {};
  for (const file of result.outputFiles) {
    await writeAtomically(file.path, file.contents);
    sizes[path.basename(file.path)] = file.contents.byteLength;
  }
  for (const name of COPIED) {
    const content = await fs.readFile(path.join(paths.pageDir, name));
    await writeAtomically(path.join(paths.outDir, name), content);
    sizes[name] = content.byteLength;
  }
  const inputs = await currentInputs(paths, inputsFrom(Object.keys(result.metafile.inputs), rootOf(paths)));
  await writeAtomically(path.join(paths.outDir, STAMP), JSON.stringify({ inputs, hash: await hashOf(inputs) }));
  return sizes;
}

/** Builds when the output is missing or any input changed; resolves to whether it built. */
export async function ensureTabBundle(paths: BundlePaths = defaultBundlePaths()): Promise<boolean> {
  if (!existsSync(paths.pageDir)) return false; // a deployment with only the built page
  const stamp = await readStamp(paths.outDir);
  if (stamp) {
    const inputs = await currentInputs(paths, stamp.inputs);
    const outputsThere = [...COPIED, 'main.js', 'config-page.js'].every((f) => existsSync(path.join(paths.outDir, f)));
    if (outputsThere && inputs.length === stamp.inputs.length && (await hashOf(inputs)) === stamp.hash) return false;
  }
  await buildTabBundle(paths);
  return true;
}
