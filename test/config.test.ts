import { loadConfig } from '../src/config';

const defaults = { instanceId: 'test-1' };

describe('configuration', () => {
  it('runs in local mode on loopback with embedded storage when nothing is configured', () => {
    const c = loadConfig({}, defaults);
    expect(c).toMatchObject({ port: 3978, host: '127.0.0.1', localMode: true, storage: { kind: 'embedded', dataDir: '.data' } });
  });

  it('requires a password with an app id and names the variable', () => {
    expect(() => loadConfig({ MicrosoftAppId: 'abc' }, defaults)).toThrow(/MicrosoftAppPassword/);
  });

  it('names the variable that has a wrong value', () => {
    expect(() => loadConfig({ PORT: 'eighty' }, defaults)).toThrow(/PORT/);
  });

  it('reads the tenant allow-list as a comma-separated list', () => {
    expect(loadConfig({ ALLOWED_TENANTS: 'a, b,,c' }, defaults).allowedTenants).toEqual(['a', 'b', 'c']);
  });
});
