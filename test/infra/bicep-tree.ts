/**
 * Offline reading of our Bicep files: a syntax check with tree-sitter-bicep (web-tree-sitter + the
 * grammar's .wasm), plus the pieces the tests need (parameters and their decorators, variables,
 * references, resources, module params) and a small evaluator for name expressions. Not a Bicep
 * compiler: it knows only the functions our name expressions use.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { Language, type Node, Parser } from 'web-tree-sitter';

export interface BicepFile {
  file: string;
  root: Node;
}

export async function createBicepParser(): Promise<(file: string) => BicepFile> {
  await Parser.init();
  const wasm = path.join(path.dirname(require.resolve('tree-sitter-bicep/package.json')), 'tree-sitter-bicep.wasm');
  const parser = new Parser();
  parser.setLanguage(await Language.load(readFileSync(wasm)));
  return (file) => {
    const tree = parser.parse(readFileSync(file, 'utf8'));
    if (!tree) throw new Error(`tree-sitter could not parse ${file}`);
    return { file, root: tree.rootNode };
  };
}

/** Lines of the syntax errors in a file ("line 12: ..."), empty when it parses cleanly. */
export function syntaxErrors(root: Node): string[] {
  if (!root.hasError) return [];
  const bad = root.descendantsOfType('ERROR').concat(root.descendantsOfType('MISSING'));
  const found = bad.map((n) => `line ${n.startPosition.row + 1}: ${n.text.slice(0, 60)}`);
  return found.length > 0 ? found : ['a syntax error (tree-sitter reported hasError)'];
}

export interface Param {
  name: string;
  hasDefault: boolean;
  decorators: Record<string, Node[]>;
}

function decoratorsBefore(decl: Node): Record<string, Node[]> {
  const prev = decl.previousNamedSibling;
  const out: Record<string, Node[]> = {};
  if (prev?.type !== 'decorators') return out;
  for (const call of prev.descendantsOfType('call_expression')) {
    if (call.parent?.type !== 'decorator') continue;
    const name = call.childForFieldName('function')?.text ?? '';
    out[name] = call.childForFieldName('arguments')?.namedChildren.filter((n): n is Node => n !== null) ?? [];
  }
  return out;
}

const top = (root: Node, type: string): Node[] => root.namedChildren.filter((n): n is Node => n?.type === type);

export function params(root: Node): Param[] {
  return top(root, 'parameter_declaration').map((decl) => ({
    name: decl.namedChildren[0]!.text,
    hasDefault: decl.namedChildren.length > 2,
    decorators: decoratorsBefore(decl),
  }));
}

export function variables(root: Node): Map<string, Node> {
  return new Map(top(root, 'variable_declaration').map((d) => [d.namedChildren[0]!.text, d.namedChildren[d.namedChildren.length - 1]!]));
}

export function resources(root: Node): { symbol: string; type: string; body: Node }[] {
  return top(root, 'resource_declaration').map((d) => ({
    symbol: d.namedChildren[0]!.text,
    type: d.namedChildren[1]!.text.replace(/^'|'$/g, ''),
    body: d.namedChildren[d.namedChildren.length - 1]!,
  }));
}

export function modules(root: Node): { symbol: string; path: string; params: string[] }[] {
  return top(root, 'module_declaration').map((d) => {
    const body = d.namedChildren[d.namedChildren.length - 1]!;
    const paramsObject = property(body, 'params');
    return {
      symbol: d.namedChildren[0]!.text,
      path: d.namedChildren[1]!.text.replace(/^'|'$/g, ''),
      params: paramsObject ? objectKeys(paramsObject) : [],
    };
  });
}

/** Identifiers that refer to a symbol (not property keys, declaration names or function names). */
export function references(root: Node): Set<string> {
  const out = new Set<string>();
  for (const id of root.descendantsOfType('identifier')) {
    const parent = id.parent;
    if (!parent) continue;
    const isKey = parent.type === 'object_property' && parent.namedChildren[0]?.equals(id);
    const isDeclName = /_declaration$/.test(parent.type) && parent.namedChildren[0]?.equals(id);
    const isFunction = parent.type === 'call_expression' && parent.childForFieldName('function')?.equals(id);
    if (!isKey && !isDeclName && !isFunction) out.add(id.text);
  }
  return out;
}

/** The value node of `key:` directly in an object node, or null. */
export function property(object: Node, key: string): Node | null {
  for (const prop of object.namedChildren) {
    if (prop?.type === 'object_property' && unquote(prop.namedChildren[0]!.text) === key) return prop.namedChildren[1] ?? null;
  }
  return null;
}

export function objectKeys(object: Node): string[] {
  return object.namedChildren.filter((p): p is Node => p?.type === 'object_property').map((p) => unquote(p.namedChildren[0]!.text));
}

const unquote = (s: string): string => s.replace(/^'(.*)'$/s, '$1');

/** Deterministic stand-in for Bicep's uniqueString(): 13 characters of [a-z0-9]. */
export function fakeUniqueString(...parts: string[]): string {
  const digest = createHash('sha256').update(parts.join('|')).digest();
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
  return Array.from(digest.subarray(0, 13), (b) => alphabet[b % alphabet.length]).join('');
}

export interface EvalEnv {
  params: Record<string, string>;
  vars: Map<string, Node>;
  resourceGroupId: string;
}

const ESCAPES: Record<string, string> = { "\\'": "'", '\\\\': '\\', '\\$': '$', '\\n': '\n', '\\t': '\t' };

type Fn = (args: string[]) => string;
const FUNCTIONS: Record<string, Fn> = {
  toLower: ([s]) => s.toLowerCase(),
  toUpper: ([s]) => s.toUpperCase(),
  replace: ([s, from, to]) => s.split(from).join(to),
  take: ([s, n]) => s.slice(0, Number(n)),
  uniqueString: (args) => fakeUniqueString(...args),
};

/** Evaluates a string expression made of literals, interpolation, params, vars and FUNCTIONS. */
export function evaluate(node: Node, env: EvalEnv): string {
  switch (node.type) {
    case 'string':
      return node.namedChildren
        .map((c) => {
          if (c!.type === 'interpolation') return evaluate(c!.namedChildren[0]!, env);
          if (c!.type === 'escape_sequence') return ESCAPES[c!.text] ?? c!.text;
          return c!.text;
        })
        .join('');
    case 'number':
      return node.text;
    case 'identifier': {
      if (node.text in env.params) return env.params[node.text];
      const v = env.vars.get(node.text);
      if (!v) throw new Error(`unknown symbol ${node.text}`);
      return evaluate(v, env);
    }
    case 'member_expression':
      if (node.text === 'resourceGroup().id') return env.resourceGroupId;
      throw new Error(`cannot evaluate ${node.text}`);
    case 'call_expression': {
      const fn = FUNCTIONS[node.childForFieldName('function')?.text ?? ''];
      if (!fn) throw new Error(`cannot evaluate ${node.text}`);
      const args = node.childForFieldName('arguments')?.namedChildren ?? [];
      return fn(args.map((a) => evaluate(a!, env)));
    }
    default:
      throw new Error(`cannot evaluate ${node.type}: ${node.text}`);
  }
}
