import { loadConfig } from '../../src/config';
import { createSsoVerifier } from '../../src/tab/sso';
import { tabVerifier } from '../../src/tab/wiring';
import { OTHER_TENANT, TEST_TENANT, USERS } from '../support/activities';
import { TEST_APP_ID } from '../support/harness';
import { rejection } from '../support/rejection';
import { createTestSso, PUBLIC_HOST, type TestSso } from './support';

let sso: TestSso;
beforeAll(async () => {
  sso = await createTestSso();
});

const verifier = () => createSsoVerifier({ appId: TEST_APP_ID, domain: PUBLIC_HOST, allowedTenants: [TEST_TENANT], keys: sso.keys });

describe('Teams SSO tokens for the side panel', () => {
  it('accepts a token Teams issued for our app to a user of an allowed tenant, and names the user', async () => {
    const identity = await verifier()(`Bearer ${await sso.token(USERS.secretary)}`);
    expect(identity).toEqual({ oid: USERS.secretary.aadObjectId, tenantId: TEST_TENANT, name: USERS.secretary.name });
  });

  it('accepts the v1 issuer form and the bare app id as audience', async () => {
    const token = await sso.token(USERS.chiefCulture, { iss: `https://sts.windows.net/${TEST_TENANT}/`, aud: TEST_APP_ID });
    expect((await verifier()(`Bearer ${token}`)).oid).toBe(USERS.chiefCulture.aadObjectId);
  });

  it('refuses a request without a token as not signed in', async () => {
    expect((await rejection(verifier()(undefined))).details.auth).toBe('missing');
    expect((await rejection(verifier()('Basic dXNlcjpwdw=='))).details.auth).toBe('missing');
  });

  it('refuses a token for another app (wrong audience)', async () => {
    const token = await sso.token(USERS.secretary, { aud: 'api://other.example/11111111-2222-3333-4444-555555555555' });
    expect((await rejection(verifier()(`Bearer ${token}`))).details.auth).toBe('invalid');
  });

  it('refuses a token whose issuer is not the token’s own tenant', async () => {
    const token = await sso.token(USERS.secretary, { iss: `https://login.microsoftonline.com/${OTHER_TENANT}/v2.0` });
    expect((await rejection(verifier()(`Bearer ${token}`))).details.auth).toBe('invalid');
    const foreign = await sso.token(USERS.secretary, { iss: 'https://evil.example/v2.0' });
    expect((await rejection(verifier()(`Bearer ${foreign}`))).details.auth).toBe('invalid');
  });

  it('refuses an expired token', async () => {
    const token = await sso.token(USERS.secretary, {}, { expiresIn: '-10m' });
    const err = await rejection(verifier()(`Bearer ${token}`));
    expect(err.details.auth).toBe('invalid');
    expect(err.message).toMatch(/exp/);
  });

  it('refuses a token signed with a key Microsoft did not publish', async () => {
    const token = await sso.token(USERS.secretary, {}, { unknownKey: true });
    expect((await rejection(verifier()(`Bearer ${token}`))).details.auth).toBe('invalid');
  });

  it('refuses a user of a tenant that is not on the allow-list', async () => {
    const token = await sso.token(USERS.secretary, { tid: OTHER_TENANT, iss: `https://login.microsoftonline.com/${OTHER_TENANT}/v2.0` });
    expect((await rejection(verifier()(`Bearer ${token}`))).details.auth).toBe('tenant');
  });

  it('refuses a token without the user’s object id', async () => {
    const token = await sso.token(USERS.secretary, { oid: undefined });
    expect((await rejection(verifier()(`Bearer ${token}`))).details.auth).toBe('invalid');
  });

  it('in local mode (no app id) refuses every call, saying SSO is not configured', async () => {
    const local = tabVerifier(loadConfig({}, { instanceId: 'test' }));
    expect((await rejection(local(`Bearer ${await sso.token(USERS.secretary)}`))).details.auth).toBe('not-configured');
  });

  it('checks tokens against TAB_SSO_APP_ID when the bot itself runs as a managed identity', async () => {
    const ssoAppId = '5f0c9d3e-1111-4222-8333-444455556666';
    const config = loadConfig(
      { MicrosoftAppId: TEST_APP_ID, MicrosoftAppType: 'UserAssignedMSI', MicrosoftAppTenantId: TEST_TENANT, TAB_SSO_APP_ID: ssoAppId },
      { instanceId: 'test' },
    );
    const verify = tabVerifier(config, sso.keys);
    expect((await verify(`Bearer ${await sso.token(USERS.secretary, { aud: `api://${ssoAppId}` })}`)).tenantId).toBe(TEST_TENANT);
    expect((await rejection(verify(`Bearer ${await sso.token(USERS.secretary, { aud: TEST_APP_ID })}`))).details.auth).toBe('invalid');
  });

  it('with an app id but no tenant configured, refuses every tenant like the bot does', async () => {
    const config = loadConfig({ MicrosoftAppId: TEST_APP_ID, MicrosoftAppPassword: 'x' }, { instanceId: 'test' });
    const noTenants = tabVerifier(config, sso.keys);
    expect((await rejection(noTenants(`Bearer ${await sso.token(USERS.secretary, { aud: TEST_APP_ID })}`))).details.auth).toBe('tenant');
  });
});
