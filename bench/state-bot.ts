/**
 * The state-bot floor: what every stateful Teams bot pays. The smallest botbuilder bot on the same
 * stack as the service (restify 11 + CloudAdapter, local mode) that on every turn reads and writes its
 * conversation state through botbuilder's own `Storage` interface (ConversationState), here over
 * Azure Tables: one point read and one write per turn. A card action is answered with a card naming
 * the verb and the turn count.
 *
 *   npx ts-node --transpile-only bench/state-bot.ts --storage <connection string> [--port 3979]
 * As a forked child it reports `{ ready: true, url }` over IPC.
 */
import { createHash } from 'node:crypto';
import {
  ActivityHandler,
  type AdaptiveCardInvokeResponse,
  type AdaptiveCardInvokeValue,
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  ConversationState,
  type Storage,
  type StoreItems,
  type TurnContext,
} from 'botbuilder';
import * as restify from 'restify';
import { makeTableClient } from '../src/store/tables/client';

type TableClient = ReturnType<typeof makeTableClient>;

/** botbuilder's Storage over one Azure table: a key is a row (keys hashed: '/' is not allowed in keys). */
export class TableStateStorage implements Storage {
  constructor(private readonly table: TableClient) {}

  private static row(key: string): { partitionKey: string; rowKey: string } {
    const h = createHash('sha256').update(key).digest('hex');
    return { partitionKey: h.slice(0, 2), rowKey: h };
  }

  async read(keys: string[]): Promise<StoreItems> {
    const items: StoreItems = {};
    await Promise.all(
      keys.map(async (key) => {
        const { partitionKey, rowKey } = TableStateStorage.row(key);
        try {
          const e = await this.table.getEntity<{ state: string }>(partitionKey, rowKey);
          items[key] = { ...(JSON.parse(e.state) as object), eTag: e.etag };
        } catch (e) {
          if ((e as { statusCode?: number }).statusCode !== 404) throw e;
        }
      }),
    );
    return items;
  }

  async write(changes: StoreItems): Promise<void> {
    await Promise.all(
      Object.entries(changes).map(async ([key, value]) => {
        const { eTag: _etag, ...state } = value as { eTag?: string };
        await this.table.upsertEntity({ ...TableStateStorage.row(key), state: JSON.stringify(state) }, 'Replace');
      }),
    );
  }

  async delete(keys: string[]): Promise<void> {
    await Promise.all(
      keys.map((key) => this.table.deleteEntity(TableStateStorage.row(key).partitionKey, TableStateStorage.row(key).rowKey).catch(() => undefined)),
    );
  }
}

class StateBot extends ActivityHandler {
  private readonly turns;

  constructor(private readonly state: ConversationState) {
    super();
    this.turns = state.createProperty<number>('turns');
  }

  protected override async onAdaptiveCardInvoke(turn: TurnContext, value: AdaptiveCardInvokeValue): Promise<AdaptiveCardInvokeResponse> {
    const n = (await this.turns.get(turn, 0)) + 1;
    await this.turns.set(turn, n);
    await this.state.saveChanges(turn);
    const card = { type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text: `${value.action.verb}: turn ${n}`, wrap: true }] };
    return { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: card };
  }
}

export async function startStateBot(port: number, connectionString: string): Promise<{ url: string }> {
  const table = makeTableClient({ connectionString }, 'benchstate');
  await table.createTable();
  const state = new ConversationState(new TableStateStorage(table));
  const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
  adapter.onTurnError = async (_turn, error) => {
    process.stderr.write(`state bot turn error: ${error instanceof Error ? error.message : String(error)}\n`);
  };
  const bot = new StateBot(state);
  const server = restify.createServer({ name: 'state-bot', handleUncaughtExceptions: false });
  server.use(restify.plugins.bodyParser({ mapParams: false }));
  server.post('/api/messages', async (req: restify.Request, res: restify.Response) => {
    await adapter.process(req, res, (turn) => bot.run(turn));
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${server.address().port}` };
}

if (require.main === module) {
  const arg = (name: string) => (process.argv.indexOf(name) > 0 ? process.argv[process.argv.indexOf(name) + 1] : undefined);
  const storage = arg('--storage');
  if (!storage) throw new Error('--storage <connection string> is required');
  process.on('disconnect', () => process.exit(0));
  startStateBot(Number(arg('--port') ?? 3979), storage).then(
    ({ url }) => {
      if (process.send) process.send({ ready: true, url });
      else process.stdout.write(`State bot: ${url}/api/messages\n`);
    },
    (e: unknown) => {
      process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
      process.exit(1);
    },
  );
}
