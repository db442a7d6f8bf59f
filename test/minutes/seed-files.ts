/** The real minutes live outside the repository (../shared/seeds); tests read them from there. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

export const SEEDS_DIR = path.resolve(__dirname, '..', '..', '..', 'shared', 'seeds');
export const FIXTURES_DIR = path.resolve(__dirname, '..', 'fixtures');

export const seedsPresent = existsSync(SEEDS_DIR);

/** The seed whose file name starts with `prefix` ("000", "001", "004"). */
export function readSeed(prefix: string): string {
  const name = readdirSync(SEEDS_DIR).find((f) => f.startsWith(`${prefix}_`));
  if (!name) throw new Error(`No seed ${prefix}_*.txt in ${SEEDS_DIR}`);
  return readFileSync(path.join(SEEDS_DIR, name), 'utf8');
}

export function allSeeds(): string[] {
  return seedsPresent
    ? readdirSync(SEEDS_DIR)
        .filter((f) => f.endsWith('.txt'))
        .map((f) => readFileSync(path.join(SEEDS_DIR, f), 'utf8'))
    : [];
}

export function readFixture(name: string): string {
  return readFileSync(path.join(FIXTURES_DIR, name), 'utf8');
}

/** Our own invented documents (the Fjordby Kommune "Ledermøde"). */
export const FIXTURES = [
  'fjordby-referat-2024-03-12.txt',
  'fjordby-referat-2023-11-07.md',
  'fjordby-dagsorden-2024-04-09.txt',
  'fjordby-referat-2013-05-21.txt',
];

if (!seedsPresent) {
  console.warn(`Seed minutes not found at ${SEEDS_DIR}: the seed tests are skipped (they need ../shared/seeds next to the repository).`);
}
