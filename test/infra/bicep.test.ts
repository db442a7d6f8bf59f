/**
 * What can be checked about infra/ without Azure: the templates parse (tree-sitter-bicep), every
 * parameter is used, described, set and documented, derived names follow Azure's naming rules,
 * access to storage is by managed identity only, and the toolkit files only use variables that exist.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import fc from 'fast-check';
import { TABLE_NAMES } from '../../src/store/tables/context';
import {
  type BicepFile,
  createBicepParser,
  evaluate,
  modules,
  objectKeys,
  params,
  property,
  references,
  resources,
  syntaxErrors,
  variables,
} from './bicep-tree';

const ROOT = path.resolve(__dirname, '..', '..');
const INFRA = path.join(ROOT, 'infra');
const read = (rel: string): string => readFileSync(path.join(ROOT, rel), 'utf8');
const bicepFiles = (readdirSync(INFRA, { recursive: true }) as string[]).filter((f) => f.endsWith('.bicep')).map((f) => path.join(INFRA, f));
const parameterFile = JSON.parse(read('infra/azure.parameters.json')) as { parameters: Record<string, { value: unknown }> };
const deploymentDoc = read('docs/deployment.md');

/** Azure's naming rules for the resource types we create (learn.microsoft.com, "Naming rules and restrictions"). */
const NAME_RULES: Record<string, RegExp> = {
  'Microsoft.Storage/storageAccounts': /^[a-z0-9]{3,24}$/,
  'Microsoft.Web/sites': /^(?=.{2,60}$)[a-zA-Z0-9]([a-zA-Z0-9-]*[a-zA-Z0-9])?$/,
  'Microsoft.Web/serverfarms': /^[a-zA-Z0-9-]{1,60}$/,
  'Microsoft.ManagedIdentity/userAssignedIdentities': /^[a-zA-Z0-9][a-zA-Z0-9_-]{2,127}$/,
  'Microsoft.OperationalInsights/workspaces': /^(?=.{4,63}$)[a-zA-Z0-9]([a-zA-Z0-9-]*[a-zA-Z0-9])?$/,
  'Microsoft.Insights/components': /^[^%&\\?/]{1,259}[^%&\\?/. ]$/,
  'Microsoft.BotService/botServices': /^[a-zA-Z0-9][a-zA-Z0-9_.-]{1,63}$/,
};
const TABLE_NAME_RULE = /^[A-Za-z][A-Za-z0-9]{2,62}$/;

let parse: (file: string) => BicepFile;
let main: BicepFile;
let bot: BicepFile;

beforeAll(async () => {
  parse = await createBicepParser();
  main = parse(path.join(INFRA, 'azure.bicep'));
  bot = parse(path.join(INFRA, 'botRegistration', 'azurebot.bicep'));
});

const typeOf = (apiType: string): string => apiType.split('@')[0];
const findResource = (file: BicepFile, type: string) => resources(file.root).filter((r) => typeOf(r.type) === type);

describe('the Bicep templates', () => {
  it('all parse without syntax errors', () => {
    expect(bicepFiles.map((f) => path.relative(ROOT, f)).sort()).toEqual(['infra/azure.bicep', 'infra/botRegistration/azurebot.bicep']);
    for (const file of bicepFiles) expect({ file, errors: syntaxErrors(parse(file).root) }).toEqual({ file, errors: [] });
  });

  it('the syntax check catches a broken template', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'bicep-'));
    try {
      const broken = path.join(dir, 'broken.bicep');
      writeFileSync(broken, read('infra/azure.bicep').replace("resource identity 'Microsoft", "resource identity = 'Microsoft"));
      expect(syntaxErrors(parse(broken).root).length).toBeGreaterThan(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('use and describe every parameter they declare', () => {
    for (const file of [main, bot]) {
      const used = references(file.root);
      for (const p of params(file.root)) {
        expect({ file: file.file, param: p.name, used: used.has(p.name), described: 'description' in p.decorators }).toEqual({
          file: file.file,
          param: p.name,
          used: true,
          described: true,
        });
      }
    }
  });

  it('set every parameter of azure.bicep in azure.parameters.json, only those, with allowed values, and explain each in docs/deployment.md', () => {
    const declared = params(main.root);
    expect(Object.keys(parameterFile.parameters).sort()).toEqual(declared.map((p) => p.name).sort());
    for (const p of declared) {
      expect({ param: p.name, documented: deploymentDoc.includes(`\`${p.name}\``) }).toEqual({ param: p.name, documented: true });
      const allowed = p.decorators.allowed?.[0]?.namedChildren.map((n) => n!.text.replace(/^'|'$/g, ''));
      const value = parameterFile.parameters[p.name].value;
      if (allowed && typeof value === 'string' && !value.includes('${{')) expect(allowed).toContain(value);
    }
  });

  it('pass the bot registration module exactly the parameters it declares', () => {
    const [registration] = modules(main.root);
    expect(registration.path).toBe('./botRegistration/azurebot.bicep');
    const declared = params(bot.root);
    expect([...registration.params].sort()).toEqual(declared.map((p) => p.name).sort());
  });

  it('derive names that follow Azure naming rules from any valid resourceBaseName', () => {
    const vars = variables(main.root);
    const named = resources(main.root).filter((r) => NAME_RULES[typeOf(r.type)]);
    expect(named.map((r) => typeOf(r.type)).sort()).toEqual(
      Object.keys(NAME_RULES)
        .filter((t) => !t.startsWith('Microsoft.BotService'))
        .sort(),
    );
    const baseName = fc.stringMatching(/^[a-z][a-z0-9-]{2,18}[a-z0-9]$/);
    fc.assert(
      fc.property(baseName, fc.stringMatching(/^[a-z0-9]{8}$/), (base, rg) => {
        const env = { params: { resourceBaseName: base }, vars, resourceGroupId: `/subscriptions/s/resourceGroups/${rg}` };
        for (const r of named) {
          const name = evaluate(property(r.body, 'name')!, env);
          if (!NAME_RULES[typeOf(r.type)].test(name)) throw new Error(`${typeOf(r.type)} name "${name}" from base "${base}"`);
        }
        const botName = evaluate(vars.get('botServiceName')!, env);
        if (!NAME_RULES['Microsoft.BotService/botServices'].test(botName)) throw new Error(`bot name "${botName}"`);
      }),
      { numRuns: 200 },
    );
  });

  it('keep resourceBaseName from azure.parameters.json within its declared length with a 6-character RESOURCE_SUFFIX', () => {
    const p = params(main.root).find((x) => x.name === 'resourceBaseName')!;
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a toolkit placeholder, not a template
    const value = String(parameterFile.parameters.resourceBaseName.value).replace('${{RESOURCE_SUFFIX}}', 'a1b2c3');
    expect(value).toMatch(/^[a-z][a-z0-9-]*[a-z0-9]$/);
    expect(value.length).toBeGreaterThanOrEqual(Number(p.decorators.minLength[0].text));
    expect(value.length).toBeLessThanOrEqual(Number(p.decorators.maxLength[0].text));
  });

  it('provision every table the store uses, each with a valid table name', () => {
    const list = variables(main.root).get('tableNames')!;
    const names = list.namedChildren.map((n) => n!.text.replace(/^'|'$/g, ''));
    expect([...names].sort()).toEqual([...TABLE_NAMES].sort());
    for (const name of names) expect(name).toMatch(TABLE_NAME_RULE);
    expect(findResource(main, 'Microsoft.Storage/storageAccounts/tableServices/tables')).toHaveLength(1);
  });

  it('give the managed identity Storage Table Data Contributor on the storage account and turn shared keys off', () => {
    const [assignment] = findResource(main, 'Microsoft.Authorization/roleAssignments');
    expect(property(assignment.body, 'scope')?.text).toBe('storage');
    const props = property(assignment.body, 'properties')!;
    expect(property(props, 'roleDefinitionId')?.text).toMatch(/tableDataContributorRoleId/);
    expect(evaluate(variables(main.root).get('tableDataContributorRoleId')!, { params: {}, vars: new Map(), resourceGroupId: '' })).toBe(
      '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3',
    );
    expect(property(props, 'principalId')?.text).toBe('identity.properties.principalId');
    const [storage] = findResource(main, 'Microsoft.Storage/storageAccounts');
    expect(property(property(storage.body, 'properties')!, 'allowSharedKeyAccess')?.text).toBe('false');
  });

  it('authenticate the service with the managed identity only: no keys, passwords or connection strings in app settings', () => {
    for (const file of bicepFiles) expect(readFileSync(file, 'utf8')).not.toMatch(/listKeys\(|AccountKey|SharedAccessSignature|@secure\(\)/i);
    const [settings] = findResource(main, 'Microsoft.Web/sites/config');
    const values = property(settings.body, 'properties')!;
    const keys = objectKeys(values);
    expect(keys).toEqual(
      expect.arrayContaining(['AZURE_STORAGE_ACCOUNT_URL', 'AZURE_CLIENT_ID', 'MicrosoftAppType', 'MicrosoftAppId', 'MicrosoftAppTenantId', 'ALLOWED_TENANTS']),
    );
    expect(keys).not.toEqual(expect.arrayContaining(['MicrosoftAppPassword']));
    expect(keys).not.toEqual(expect.arrayContaining(['AZURE_STORAGE_CONNECTION_STRING']));
    expect(property(values, 'MicrosoftAppType')?.text).toBe("'UserAssignedMSI'");
    expect(property(values, 'MicrosoftAppId')?.text).toBe('identity.properties.clientId');
    expect(property(values, 'AZURE_CLIENT_ID')?.text).toBe('identity.properties.clientId');
  });

  it('set only app settings the service reads (src/config.ts) or the platform uses', () => {
    const config = read('src/config.ts');
    const [settings] = findResource(main, 'Microsoft.Web/sites/config');
    const platform = /^(WEBSITE_|SCM_|APPLICATIONINSIGHTS_|ApplicationInsightsAgent_)/;
    for (const key of objectKeys(property(settings.body, 'properties')!).filter((k) => !platform.test(k))) {
      expect({ key, known: new RegExp(`\\b${key}:`).test(config) }).toEqual({ key, known: true });
    }
  });

  it('register an Azure Bot of kind azurebot on the managed identity, with the Teams channel', () => {
    const [registration] = findResource(bot, 'Microsoft.BotService/botServices');
    expect(property(registration.body, 'kind')?.text).toBe("'azurebot'");
    const props = property(registration.body, 'properties')!;
    expect(property(props, 'msaAppType')?.text).toBe("'UserAssignedMSI'");
    expect(property(props, 'msaAppId')?.text).toBe('identityClientId');
    expect(property(props, 'msaAppMSIResourceId')?.text).toBe('identityResourceId');
    // biome-ignore lint/suspicious/noTemplateCurlyInString: Bicep interpolation, not a template
    expect(property(props, 'endpoint')?.text).toBe("'https://${botAppDomain}/api/messages'");
    const [channel] = findResource(bot, 'Microsoft.BotService/botServices/channels');
    expect(property(channel.body, 'name')?.text).toBe("'MsTeamsChannel'");
  });
});

describe('the toolkit project files', () => {
  const outputNames = (): string[] => main.root.namedChildren.filter((n) => n?.type === 'output_declaration').map((n) => n!.namedChildren[0]!.text);
  const envKeys = (name: string): string[] =>
    read(`env/.env.${name}`)
      .split('\n')
      .map((l) => /^([A-Za-z_][A-Za-z0-9_]*)=/.exec(l)?.[1])
      .filter((k): k is string => !!k);
  const written = (yml: string): string[] => [...yml.matchAll(/^\s+\w+: ([A-Z][A-Z0-9_]+)\s*$/gm)].map((m) => m[1]);
  const placeholders = (text: string): string[] => [...text.matchAll(/\$\{\{\s*([A-Za-z0-9_]+)\s*\}\}/g)].map((m) => m[1]);
  const BUILT_IN = ['TEAMSFX_ENV', 'AZURE_SUBSCRIPTION_ID', 'AZURE_RESOURCE_GROUP_NAME', 'APP_NAME_SUFFIX'];

  it.each([
    ['m365agents.yml', 'dev', ['appPackage/manifest.json', 'infra/azure.parameters.json']],
    ['m365agents.local.yml', 'local', ['appPackage/manifest.json']],
    ['m365agents.playground.yml', 'playground', []],
  ])('%s uses only variables that env/.env.%s, its own steps, the Bicep outputs or the toolkit define', (yml, env, alsoFilled) => {
    const text = read(yml);
    const known = new Set([...BUILT_IN, ...envKeys(env), ...written(text), ...(env === 'dev' ? outputNames() : [])]);
    const used = [text, ...alsoFilled.map(read)].flatMap(placeholders);
    expect(used.filter((v) => !known.has(v))).toEqual([]);
    expect(text).toMatch(/^version: v\d+\.\d+$/m);
  });

  it('the Bicep outputs include what the manifest and deploy step need', () => {
    expect(outputNames()).toEqual(expect.arrayContaining(['BOT_ID', 'BOT_DOMAIN', 'AZURE_APP_SERVICE_RESOURCE_ID']));
  });

  it('the env templates hold no secrets', () => {
    for (const env of ['dev', 'local', 'playground']) {
      const text = read(`env/.env.${env}`);
      expect(text).not.toMatch(/^(SECRET_\w*|MicrosoftAppPassword|AZURE_STORAGE_CONNECTION_STRING)=\S/m);
      expect(text).not.toMatch(/AccountKey=/);
    }
  });
});
