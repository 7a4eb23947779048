import type { ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import { startServer, sleep } from '../../tests/servers/http';
import { providerFor } from '../../utils/core/providers/registry';
import { createRunner } from '../../utils/core/runner/runner';
import { memoryRunStore } from '../../utils/core/runner/memory-store';
import { planComparison } from '../../utils/core/runner/plan';

const FIRST_BYTE_MS = 150;
const CHUNKS = 20;
const CHUNK_MS = 10;

async function stream(res: ServerResponse) {
  await sleep(FIRST_BYTE_MS);
  res.writeHead(200, { 'content-type': 'text/event-stream' });
  for (let i = 0; i < CHUNKS; i++) {
    res.write(`data: ${JSON.stringify({ choices: [{ delta: { content: `word${i} ` } }] })}\n\n`);
    await sleep(CHUNK_MS);
  }
  res.end(`data: ${JSON.stringify({ choices: [{ delta: {}, finish_reason: 'stop' }] })}\n\ndata: [DONE]\n\n`);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/**
 * fanout_ratio: wall time of one comparison with 12 targets through the runner, over one direct request to the same
 * local server (fixed latency), measured side by side, median of `reps` each.
 */
export async function benchFanout(reps = 7): Promise<{ fanout_ratio: number; fanout_ms: number; direct_ms: number }> {
  const server = await startServer((_req, res) => stream(res));
  try {
    const direct: number[] = [];
    const fanout: number[] = [];
    for (let rep = 0; rep < reps; rep++) {
      let started = performance.now();
      const res = await fetch(`${server.url}/v1/chat/completions`, { method: 'POST', body: JSON.stringify({ model: 'm', stream: true, messages: [] }) });
      await res.text();
      direct.push(performance.now() - started);

      const providers = Array.from({ length: 12 }, (_, i) => ({
        id: `p${i}`,
        kind: 'openai-compatible' as const,
        label: `P${i}`,
        baseUrl: `${server.url}/v1`,
        model: `m${i}`,
        maxConcurrent: 12,
      }));
      const { comparison, runs } = planComparison({ prompt: 'bench', source: { kind: 'panel' }, providers, now: Date.now(), newId: randomUUID });
      const store = memoryRunStore([comparison], runs);
      const runner = createRunner({ store, providerFor, apiKeyFor: () => Promise.resolve(undefined), maxConcurrent: 12 });
      started = performance.now();
      await runner.wake();
      await runner.idle();
      fanout.push(performance.now() - started);
      if (store.runsOf(comparison.id).some((r) => r.state !== 'done')) throw new Error('a fan-out run did not finish');
    }
    const [f, d] = [median(fanout), median(direct)];
    return { fanout_ratio: Number((f / d).toFixed(3)), fanout_ms: Math.round(f), direct_ms: Math.round(d) };
  } finally {
    await server.close();
  }
}
