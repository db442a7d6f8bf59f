/**
 * Offline validation of a Teams app manifest and its localization files against the official JSON
 * schemas that the npm package @microsoft/app-manifest ships (build/json-schemas/teams/v<version>/).
 * The schemas declare draft-04 but use nothing that differs from draft-07 (no boolean
 * exclusiveMinimum, no `id`), so plain Ajv validates them once `$schema` is removed.
 */
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

export type SchemaKind = 'manifest' | 'localization';

const FILES: Record<SchemaKind, string> = {
  manifest: 'MicrosoftTeams.schema.json',
  localization: 'MicrosoftTeams.Localization.schema.json',
};

export function schemaDir(manifestVersion: string): string {
  const pkg = require.resolve('@microsoft/app-manifest/package.json');
  return path.join(path.dirname(pkg), 'build', 'json-schemas', 'teams', `v${manifestVersion}`);
}

export function loadSchema(manifestVersion: string, kind: SchemaKind): Record<string, unknown> {
  const file = path.join(schemaDir(manifestVersion), FILES[kind]);
  if (!existsSync(file)) throw new Error(`No ${kind} schema for manifest version ${manifestVersion} (looked for ${file})`);
  const schema = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  delete schema.$schema;
  return schema;
}

/** Compiled validators by "version/kind": compiling the manifest schema takes ~0.4 s. Immutable once built. */
const compiled = new Map<string, ValidateFunction>();

function validator(manifestVersion: string, kind: SchemaKind): ValidateFunction {
  const key = `${manifestVersion}/${kind}`;
  let validate = compiled.get(key);
  if (!validate) {
    // unicodeRegExp off: the localization schema's key patterns (`\b]`) are not valid with the `u` flag.
    const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
    addFormats(ajv, ['uri']);
    validate = ajv.compile(loadSchema(manifestVersion, kind));
    compiled.set(key, validate);
  }
  return validate;
}

/** Returns one line per problem ("/bots/0/botId must match pattern ..."); empty when valid. */
export function validateAgainstSchema(doc: unknown, manifestVersion: string, kind: SchemaKind): string[] {
  const validate = validator(manifestVersion, kind);
  if (validate(doc)) return [];
  return (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? 'is invalid'}${e.params ? ` ${JSON.stringify(e.params)}` : ''}`);
}
