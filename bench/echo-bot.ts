/**
 * The floor for the turn-latency benchmark: the smallest bot on the same stack as the service
 * (restify 11 + botbuilder CloudAdapter, local mode: no app id, no token check). A message is
 * echoed back through the Bot Connector (`sendActivity`); an `adaptiveCard/action` invoke is
 * answered with a card naming the verb. No storage, no card update, no validation: whatever the
 * real service costs above this is our own code, Azurite and the outbound card update.
 *
 * With `--storage <connection string>` it first writes one entity to Azurite (the "storage floor"):
 * what a single durable write before answering costs on this machine, for reading the target against.
 *
 *   npx ts-node --transpile-only bench/echo-bot.ts [--port 3979] [--storage <connection string>]
 * As a forked child it reports `{ ready: true, url }` over IPC.
 */
import {
  ActivityHandler,
  type AdaptiveCardInvokeResponse,
  type AdaptiveCardInvokeValue,
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  type TurnContext,
} from 'botbuilder';
import * as restify from 'restify';
import { makeTableClient } from '../src/store/tables/client';

/** One entity write per card action (the storage floor); none when null. */
type Write = ((key: string) => Promise<void>) | null;

class EchoBot extends ActivityHandler {
  private written = 0;

  constructor(private readonly write: Write) {
    super();
    this.onMessage(async (turn, next) => {
      await turn.sendActivity(`echo: ${turn.activity.text ?? ''}`);
      await next();
    });
  }

  protected override async onAdaptiveCardInvoke(_turn: TurnContext, value: AdaptiveCardInvokeValue): Promise<AdaptiveCardInvokeResponse> {
    if (this.write) await this.write(String(this.written++));
    const card = { type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text: `echo: ${value.action.verb}`, wrap: true }] };
    return { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: card };
  }
}

export interface EchoBotHandle {
  url: string;
  close(): Promise<void>;
}

async function storageWrite(connectionString: string): Promise<Write> {
  const table = makeTableClient({ connectionString }, 'benchfloor');
  await table.createTable();
  return async (key) => {
    await table.upsertEntity({ partitionKey: `p${key.length}`, rowKey: key, text: 'Indstillingen blev godkendt.' }, 'Replace');
  };
}

export async function startEchoBot(port = 0, storage: string | null = null): Promise<EchoBotHandle> {
  const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
  adapter.onTurnError = async (_turn, error) => {
    process.stderr.write(`echo bot turn error: ${error instanceof Error ? error.message : String(error)}\n`);
  };
  const bot = new EchoBot(storage ? await storageWrite(storage) : null);
  const server = restify.createServer({ name: 'echo-bot', handleUncaughtExceptions: false });
  server.use(restify.plugins.bodyParser({ mapParams: false }));
  server.post('/api/messages', async (req: restify.Request, res: restify.Response) => {
    await adapter.process(req, res, (turn) => bot.run(turn));
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

if (require.main === module) {
  const i = process.argv.indexOf('--port');
  const port = i > 0 ? Number(process.argv[i + 1]) : 3979;
  const s = process.argv.indexOf('--storage');
  startEchoBot(port, s > 0 ? process.argv[s + 1] : null).then(
    ({ url }) => {
      if (process.send) process.send({ ready: true, url });
      else process.stdout.write(`Echo bot: ${url}/api/messages\n`);
    },
    (e: unknown) => {
      process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
      process.exit(1);
    },
  );
}
