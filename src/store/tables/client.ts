/** Creates TableClients with a retry policy and request timeout that fail fast when storage is down. */
import { TableClient, type TableServiceClientOptions } from '@azure/data-tables';
import type { TokenCredential } from '@azure/identity';

export type StoreTarget = { connectionString: string } | { accountUrl: string; credential: TokenCredential };

/** A request that gets no answer in this time counts as "storage unavailable". */
const REQUEST_TIMEOUT_MS = 20_000;

const OPTIONS: TableServiceClientOptions = {
  // Two quick retries, then the caller gets 'storage-unavailable' and decides (retry later, tell the user).
  retryOptions: { maxRetries: 2, retryDelayInMs: 150, maxRetryDelayInMs: 1_000 },
};

function isPlainHttp(target: StoreTarget): boolean {
  if ('accountUrl' in target) return target.accountUrl.startsWith('http://');
  const cs = target.connectionString;
  return /DefaultEndpointsProtocol=http;/i.test(cs) || /TableEndpoint=http:\/\//i.test(cs) || /UseDevelopmentStorage=true/i.test(cs);
}

export function makeTableClient(target: StoreTarget, tableName: string): TableClient {
  const options = { ...OPTIONS, allowInsecureConnection: isPlainHttp(target) };
  const client =
    'accountUrl' in target
      ? new TableClient(target.accountUrl, tableName, target.credential, options)
      : TableClient.fromConnectionString(target.connectionString, tableName, options);
  client.pipeline.addPolicy({
    name: 'followupRequestTimeout',
    sendRequest: (request, next) => {
      request.timeout = REQUEST_TIMEOUT_MS;
      return next(request);
    },
  });
  return client;
}
