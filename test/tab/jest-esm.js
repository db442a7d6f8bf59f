/**
 * Jest transform for ESM-only packages in node_modules (jose 6 ships no CommonJS build; Node 20.19+
 * can require() it natively, jest's module system cannot). esbuild turns each file into CommonJS.
 * Wired in jest.config.js through `transform` + `transformIgnorePatterns`.
 */
const { createHash } = require('node:crypto');
const esbuild = require('esbuild');

module.exports = {
  process(source, filename) {
    const out = esbuild.transformSync(source, { loader: 'js', format: 'cjs', target: 'node20', sourcefile: filename, sourcemap: 'inline' });
    return { code: out.code };
  },
  getCacheKey(source, filename) {
    return createHash('sha256').update(esbuild.version).update('\0').update(filename).update('\0').update(source).digest('hex');
  },
};
