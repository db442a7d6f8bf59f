/**
 * Imported first by src/main.ts, before restify loads. restify 11 depends on spdy → http-deceiver,
 * which calls `process.binding('http_parser')` while loading, so Node prints
 * "[DEP0111] Access to process.binding('http_parser') is deprecated" on every start. We cannot fix
 * it (restify 12 needs Node 22, spdy is unmaintained) and it says nothing to an operator.
 * Exactly that warning is dropped; every other warning, DEP0111 for other bindings included, prints.
 */

const HTTP_PARSER_WARNING = "Access to process.binding('http_parser') is deprecated.";

/** True for Node's DEP0111 warning about the http_parser binding, in any `emitWarning` call form. */
function isHttpParserDeprecation(args: readonly unknown[]): boolean {
  const [warning, typeOrOptions, code] = args;
  const message = warning instanceof Error ? warning.message : warning;
  if (message !== HTTP_PARSER_WARNING) return false;
  const options = typeof typeOrOptions === 'object' && typeOrOptions !== null ? (typeOrOptions as { code?: unknown }) : null;
  const warningCode = warning instanceof Error ? (warning as Error & { code?: unknown }).code : undefined;
  return (options ? options.code : code) === 'DEP0111' || warningCode === 'DEP0111';
}

const emitWarning = process.emitWarning;
process.emitWarning = function filteredEmitWarning(...args: unknown[]): void {
  if (isHttpParserDeprecation(args)) return;
  Reflect.apply(emitWarning, process, args);
};
