import { describe, expect, test } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fixtureTokenizer, generateFixture, readLibraryMetadata } from '../../scripts/webllm-fixture';
import { EMBEDDING_MODELS } from '@/utils/core/on-device/webllm-catalogue';

const SHARED = resolve(__dirname, '../../../shared/webllm');
const library = existsSync(SHARED) ? readdirSync(SHARED).find((f) => f.startsWith('snowflake-arctic-embed-s') && f.endsWith('.wasm')) : undefined;

/** A stand-in library: bytes around the metadata JSON, as a compiled library holds it. */
function fakeLibrary(): Buffer {
  const metadata = {
    model_type: 'bert',
    quantization: 'q0f32',
    context_window_size: 512,
    prefill_chunk_size: 512,
    sliding_window_size: -1,
    attention_sink_size: -1,
    params: [
      { name: 'embeddings.word_embeddings.weight', shape: [40, 8], dtype: 'float32' },
      { name: 'embeddings.LayerNorm.weight', shape: [8], dtype: 'float32' },
      { name: 'encoder.layer.0.output.dense.bias', shape: [8], dtype: 'float32' },
    ],
  };
  return Buffer.concat([Buffer.from('\0asm\x01\0\0\0 {"other": 1} '), Buffer.from(JSON.stringify(metadata)), Buffer.from('\0 trailing "}" bytes')]);
}

describe('scripts/webllm-fixture.ts: what WebLLM downloads, generated from a library', () => {
  test('weights, cache index, config and tokenizer match the library’s metadata; values are finite', () => {
    const dir = mkdtempSync(join(tmpdir(), 'webllm-fixture-test-'));
    const libPath = join(dir, 'lib.wasm');
    writeFileSync(libPath, fakeLibrary());
    try {
      const fixture = generateFixture(libPath, join(dir, 'out'));
      expect([fixture.kind, fixture.vocabSize, fixture.hiddenSize]).toEqual(['embedding', 40, 8]);
      const main = join(dir, 'out/resolve/main');
      const index = JSON.parse(readFileSync(join(main, 'tensor-cache.json'), 'utf8')) as {
        records: { dataPath: string; nbytes: number; records: { name: string; nbytes: number; byteOffset: number }[] }[];
      };
      const records = index.records.flatMap((s) => s.records);
      expect(records.map((r) => r.name)).toEqual(['embeddings.word_embeddings.weight', 'embeddings.LayerNorm.weight', 'encoder.layer.0.output.dense.bias']);
      const shard = readFileSync(join(main, index.records[0]!.dataPath));
      expect(shard.length).toBe(index.records[0]!.nbytes);
      const values = new Float32Array(shard.buffer, shard.byteOffset, shard.length / 4);
      expect(values.every(Number.isFinite)).toBe(true);
      expect([...values.slice(320, 328)]).toEqual(Array(8).fill(1)); // the norm weights
      expect([...values.slice(328)]).toEqual(Array(8).fill(0)); // the bias
      const tokenizer = JSON.parse(readFileSync(join(main, 'tokenizer.json'), 'utf8')) as { model: { vocab: Record<string, number> } };
      expect(new Set(Object.values(tokenizer.model.vocab))).toEqual(new Set(Array.from({ length: 40 }, (_, i) => i)));
      const config = JSON.parse(readFileSync(join(main, 'mlc-chat-config.json'), 'utf8')) as Record<string, unknown>;
      expect(config).toMatchObject({ context_window_size: 512, sliding_window_size: -1, vocab_size: 40, tokenizer_files: ['tokenizer.json'] });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('a file without MLC metadata is refused', () => {
    expect(() => readLibraryMetadata(Buffer.from('not a library'))).toThrow('No MLC metadata');
  });

  test('the tokenizer covers every id below the vocabulary size, exactly once', () => {
    const vocab = (fixtureTokenizer(30522, 'embedding') as { model: { vocab: Record<string, number> } }).model.vocab;
    const ids = Object.values(vocab).sort((a, b) => a - b);
    expect(ids.length).toBe(30522);
    expect(ids.at(-1)).toBe(30521);
  });

  test.skipIf(!library && process.env.CI !== 'true')(
    'the download size shown for snowflake-arctic-embed-s is its library’s parameters × 4 bytes (plus ~4 MB of files)',
    () => {
      const metadata = readLibraryMetadata(readFileSync(join(SHARED, library!)));
      const weights = metadata.params.reduce((sum, p) => sum + p.shape.reduce((a, b) => a * b, 1) * 4, 0);
      expect(weights).toBe(132_848_640);
      expect(EMBEDDING_MODELS['snowflake-arctic-embed-s-q0f32-MLC-b4']! - weights).toBe(4_300_000);
    },
  );
});
