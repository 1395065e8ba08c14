import crypto from 'node:crypto';
import cluster from 'node:cluster';
import client from 'prom-client';

const REQUEST = 'bilet:cluster-metrics-request';
const ANSWER = 'bilet:cluster-metrics-answer';
/** prom-client gives up on a silent worker after five seconds; the worker waits a little longer for the primary. */
const WAIT_MS = 7_000;

interface Answer {
  type: typeof ANSWER;
  id: string;
  text?: string;
  error?: string;
}

/**
 * In the primary of WEB_CONCURRENCY workers: a worker scraped for /metrics asks here, and gets the
 * figures of every worker of the instance aggregated (counters and histograms summed), so one
 * scrape of the instance's port sees all its requests whichever worker took the connection.
 */
export function answerClusterMetrics(): void {
  const aggregator = new client.AggregatorRegistry();
  cluster.on('message', (worker, message: { type?: string; id?: string }) => {
    if (message?.type !== REQUEST || typeof message.id !== 'string') return;
    const id = message.id;
    aggregator.clusterMetrics().then(
      (text) => worker.send({ type: ANSWER, id, text } satisfies Answer),
      (err: unknown) => worker.send({ type: ANSWER, id, error: err instanceof Error ? err.message : String(err) } satisfies Answer),
    );
  });
}

/**
 * In a cluster worker: offers `registry` to the primary's aggregation and returns what /metrics
 * serves, the whole instance's figures read through the primary.
 */
export function clusterMetricsReader(registry: client.Registry): () => Promise<string> {
  // Constructing one installs the worker's side of prom-client's protocol (answering the primary).
  new client.AggregatorRegistry();
  client.AggregatorRegistry.setRegistries(registry);
  const waiting = new Map<string, { resolve: (text: string) => void; reject: (err: Error) => void }>();
  process.on('message', (message: Partial<Answer>) => {
    if (message?.type !== ANSWER || !message.id) return;
    const entry = waiting.get(message.id);
    if (!entry) return;
    waiting.delete(message.id);
    if (message.text !== undefined) entry.resolve(message.text);
    else entry.reject(new Error(message.error ?? 'no metrics from the primary'));
  });
  return () =>
    new Promise<string>((resolve, reject) => {
      const id = crypto.randomUUID();
      const timer = setTimeout(() => {
        waiting.delete(id);
        reject(new Error('the primary process did not answer with the metrics'));
      }, WAIT_MS);
      waiting.set(id, {
        resolve: (text) => {
          clearTimeout(timer);
          resolve(text);
        },
        reject: (err) => {
          clearTimeout(timer);
          reject(err);
        },
      });
      process.send!({ type: REQUEST, id });
    });
}
