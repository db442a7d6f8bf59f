import { downloadTeamsFile } from '../../src/bot/handlers/file-download';
import { AppError } from '../../src/domain';
import { type FakeConnector, startFakeConnector } from '../support/fake-connector';

describe('fetching a file the secretary sent in Teams', () => {
  let fake: FakeConnector;
  beforeAll(async () => {
    fake = await startFakeConnector();
  });
  afterAll(async () => {
    await fake.close();
  });

  const attachment = (downloadUrl: string) => ({ name: 'dagsorden.docx', content: { downloadUrl, uniqueId: 'x', fileType: 'docx' } });

  it('downloads the file behind the download link', async () => {
    const url = fake.serveFile('dagsorden.docx', Buffer.from('PK\u0003\u0004 indhold'));
    const file = await downloadTeamsFile(attachment(url), { allowHttp: true });
    expect(file.name).toBe('dagsorden.docx');
    expect(file.bytes.toString('latin1')).toContain('indhold');
  });

  it('stops at the size cap and says how large the file is', async () => {
    const url = fake.serveFile('stor.docx', Buffer.alloc(3 * 1024 * 1024, 65));
    const err = await downloadTeamsFile(attachment(url), { allowHttp: true, maxBytes: 1024 * 1024 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('too-large');
    expect((err as AppError).message).toMatch(/over 1 MB/);
  });

  it('accepts only https links outside local mode, and needs a link at all', async () => {
    const url = fake.serveFile('dagsorden.docx', 'x');
    await expect(downloadTeamsFile(attachment(url), { allowHttp: false })).rejects.toMatchObject({ code: 'invalid-input' });
    await expect(downloadTeamsFile({ name: 'x', content: {} }, { allowHttp: true })).rejects.toMatchObject({ code: 'invalid-input' });
  });

  it('reports a link that no longer works as a failed download', async () => {
    const url = fake.serveFile('dagsorden.docx', 'x');
    await expect(downloadTeamsFile(attachment(`${url}-gone`), { allowHttp: true })).rejects.toMatchObject({ code: 'delivery-failed' });
  });
});
