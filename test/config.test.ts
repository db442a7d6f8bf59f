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

  describe('local mode (no app id) stays on loopback', () => {
    it('refuses a non-loopback HOST, naming HOST and ALLOW_UNAUTHENTICATED', () => {
      for (const HOST of ['0.0.0.0', '::', '192.168.1.20', 'bot.example.org']) {
        expect(() => loadConfig({ HOST }, defaults)).toThrow(
          new RegExp(`HOST=${HOST.replace(/\./g, '\\.')} is not a loopback address.*ALLOW_UNAUTHENTICATED=true`),
        );
      }
    });

    it('accepts loopback hosts, and a public one only with ALLOW_UNAUTHENTICATED=true, saying so', () => {
      for (const HOST of ['127.0.0.1', '127.0.0.2', '::1', 'localhost'])
        expect(loadConfig({ HOST }, defaults)).toMatchObject({ host: HOST, unauthenticatedPublic: false });
      expect(loadConfig({ HOST: '0.0.0.0', ALLOW_UNAUTHENTICATED: 'true' }, defaults)).toMatchObject({
        host: '0.0.0.0',
        localMode: true,
        unauthenticatedPublic: true,
      });
    });

    it('does not apply with an app id (tokens are checked)', () => {
      expect(loadConfig({ MicrosoftAppId: 'a', MicrosoftAppPassword: 'p' }, defaults)).toMatchObject({
        host: '0.0.0.0',
        localMode: false,
        unauthenticatedPublic: false,
      });
    });
  });
});
