/**
 * Generates what WebLLM downloads for a model — weights (raw little-endian shards), `tensor-cache.json`,
 * `mlc-chat-config.json` and a Hugging Face `tokenizer.json` — from a prebuilt MLC model library alone: a library
 * embeds its metadata (model type, every parameter's name, shape and dtype). The weights are small finite values
 * (norm weights 1, biases 0, the rest small uniform from a fixed seed): the model computes, its outputs mean
 * nothing. Test data only: never bundled, never committed (it goes to a temp dir).
 *
 *   npx tsx scripts/webllm-fixture.ts ../shared/webllm/<library>.wasm [out-dir]
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

/** A parameter as the library's metadata lists it. */
export interface LibraryParam {
  name: string;
  shape: number[];
  dtype: string;
}

/** The metadata JSON compiled into an MLC model library. */
export interface LibraryMetadata {
  model_type: string;
  quantization: string;
  context_window_size: number;
  prefill_chunk_size: number;
  sliding_window_size: number;
  attention_sink_size: number;
  max_batch_size?: number;
  params: LibraryParam[];
}

/** What was generated, for the tests that serve it. */
export interface WebLlmFixture {
  /** Folder holding `resolve/main/…` (serve it so that `<url>/resolve/main/<file>` works). */
  modelDir: string;
  /** The library's file name and bytes. */
  libraryName: string;
  library: Buffer;
  /** SHA-256 of the library, hex. */
  librarySha256: string;
  metadata: LibraryMetadata;
  /** 'embedding' for encoder-only models (BERT), 'chat' otherwise. */
  kind: 'embedding' | 'chat';
  vocabSize: number;
  hiddenSize: number;
  /** Bytes of all weight shards together. */
  weightBytes: number;
  /** Every file under resolve/main/, name → bytes. */
  files: Map<string, number>;
}

const DTYPE_BYTES: Record<string, number> = { float32: 4, float16: 2, uint32: 4, int32: 4, int8: 1, uint8: 1 };
const SHARD_BYTES = 16 * 1024 * 1024;

/** Finds the metadata JSON inside a library (the object that starts with `{"model_type"` and lists `params`). */
export function readLibraryMetadata(library: Buffer): LibraryMetadata {
  let from = 0;
  for (;;) {
    const start = library.indexOf('{"model_type"', from, 'latin1');
    if (start < 0) throw new Error('No MLC metadata in this file: is it a WebLLM model library?');
    let depth = 0;
    let inString = false;
    for (let i = start; i < library.length; i++) {
      const c = library[i]!;
      if (inString) {
        if (c === 0x5c) i++;
        else if (c === 0x22) inString = false;
      } else if (c === 0x22) inString = true;
      else if (c === 0x7b) depth++;
      else if (c === 0x7d && --depth === 0) {
        const parsed = JSON.parse(library.subarray(start, i + 1).toString('utf8')) as LibraryMetadata;
        if (Array.isArray(parsed.params)) return parsed;
        break;
      }
    }
    from = start + 1;
  }
}

/** A small fixed-seed generator (mulberry32): the same library always gives the same weights. */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Values of one parameter: norms 1, biases 0, everything else uniform in ±scale. */
function fillParam(param: LibraryParam, next: () => number): Buffer {
  const count = param.shape.reduce((a, b) => a * b, 1);
  if (param.dtype !== 'float32' && param.dtype !== 'float16') {
    // Quantized weights (uint32 packs of 4-bit values): a fixed small pattern decodes to small finite numbers.
    return Buffer.alloc(count * (DTYPE_BYTES[param.dtype] ?? 4), 0x88);
  }
  const values = new Float32Array(count);
  const isNorm = /norm|LayerNorm|ln_/i.test(param.name) && /weight$/.test(param.name);
  const isBias = /bias$/.test(param.name);
  if (isNorm) values.fill(1);
  else if (!isBias) for (let i = 0; i < count; i++) values[i] = (next() * 2 - 1) * 0.02;
  if (param.dtype === 'float32') return Buffer.from(values.buffer);
  const half = new Uint16Array(count);
  for (let i = 0; i < count; i++) half[i] = toHalf(values[i]!);
  return Buffer.from(half.buffer);
}

function toHalf(value: number): number {
  const f = new Float32Array([value]);
  const x = new Uint32Array(f.buffer)[0]!;
  const sign = (x >>> 16) & 0x8000;
  const exp = ((x >>> 23) & 0xff) - 127 + 15;
  if (exp <= 0) return sign;
  if (exp >= 31) return sign | 0x7c00;
  return sign | (exp << 10) | ((x >>> 13) & 0x3ff);
}

/**
 * A WordPiece tokenizer whose vocabulary covers every id below `vocabSize`: special tokens, printable ASCII as
 * word starts and continuations (so different texts give different ids), the rest filler.
 */
export function fixtureTokenizer(vocabSize: number, kind: 'embedding' | 'chat'): object {
  const vocab: Record<string, number> = {};
  let size = 0;
  const add = (token: string) => {
    if (!(token in vocab) && size < vocabSize) vocab[token] = size++;
  };
  for (const special of ['[PAD]', '[UNK]', '[CLS]', '[SEP]', '[MASK]', '<|im_start|>', '<|im_end|>', '<|endoftext|>']) add(special);
  for (let c = 33; c < 127; c++) add(String.fromCharCode(c));
  for (let c = 33; c < 127; c++) add(`##${String.fromCharCode(c)}`);
  for (let i = 0; size < vocabSize; i++) add(`[unused${i}]`);
  const special = (content: string) => ({ id: vocab[content], content, single_word: false, lstrip: false, rstrip: false, normalized: false, special: true });
  return {
    version: '1.0',
    truncation: null,
    padding: null,
    added_tokens: ['[PAD]', '[UNK]', '[CLS]', '[SEP]', '[MASK]', '<|im_start|>', '<|im_end|>', '<|endoftext|>'].map(special),
    normalizer: { type: 'BertNormalizer', clean_text: true, handle_chinese_chars: true, strip_accents: null, lowercase: true },
    pre_tokenizer: { type: 'BertPreTokenizer' },
    post_processor:
      kind === 'embedding'
        ? {
            type: 'TemplateProcessing',
            single: [{ SpecialToken: { id: '[CLS]', type_id: 0 } }, { Sequence: { id: 'A', type_id: 0 } }, { SpecialToken: { id: '[SEP]', type_id: 0 } }],
            pair: [
              { SpecialToken: { id: '[CLS]', type_id: 0 } },
              { Sequence: { id: 'A', type_id: 0 } },
              { SpecialToken: { id: '[SEP]', type_id: 0 } },
              { Sequence: { id: 'B', type_id: 1 } },
              { SpecialToken: { id: '[SEP]', type_id: 1 } },
            ],
            special_tokens: {
              '[CLS]': { id: '[CLS]', ids: [vocab['[CLS]']], tokens: ['[CLS]'] },
              '[SEP]': { id: '[SEP]', ids: [vocab['[SEP]']], tokens: ['[SEP]'] },
            },
          }
        : null,
    decoder: { type: 'WordPiece', prefix: '##', cleanup: true },
    model: { type: 'WordPiece', unk_token: '[UNK]', continuing_subword_prefix: '##', max_input_chars_per_word: 100, vocab },
  };
}

/** `mlc-chat-config.json` for the library: sizes from its metadata, a plain ChatML-like template for chat models. */
function chatConfig(metadata: LibraryMetadata, vocabSize: number, hiddenSize: number, tokenizer: { model: { vocab: Record<string, number> } }) {
  const { vocab } = tokenizer.model;
  return {
    version: '0.1.0',
    model_type: metadata.model_type,
    quantization: metadata.quantization,
    model_config: {
      vocab_size: vocabSize,
      hidden_size: hiddenSize,
      context_window_size: metadata.context_window_size,
      prefill_chunk_size: metadata.prefill_chunk_size,
    },
    vocab_size: vocabSize,
    context_window_size: metadata.context_window_size,
    sliding_window_size: metadata.sliding_window_size,
    prefill_chunk_size: metadata.prefill_chunk_size,
    attention_sink_size: metadata.attention_sink_size,
    tensor_parallel_shards: 1,
    temperature: 1,
    presence_penalty: 0,
    frequency_penalty: 0,
    repetition_penalty: 1,
    top_p: 1,
    tokenizer_files: ['tokenizer.json'],
    tokenizer_info: { token_postproc_method: 'byte_fallback', prepend_space_in_encode: false, strip_space_in_decode: false },
    conv_template: {
      name: 'chatml',
      system_template: '<|im_start|>system\n{system_message}<|im_end|>\n',
      system_message: 'You are a helpful assistant.',
      system_prefix_token_ids: [],
      add_role_after_system_message: true,
      roles: { user: '<|im_start|>user', assistant: '<|im_start|>assistant', tool: '<|im_start|>user' },
      role_templates: { user: '{user_message}', assistant: '{assistant_message}', tool: '{tool_message}' },
      messages: [],
      seps: ['<|im_end|>\n'],
      role_content_sep: '\n',
      role_empty_sep: '\n',
      stop_str: ['<|im_end|>'],
      stop_token_ids: [vocab['<|im_end|>'], vocab['<|endoftext|>']],
      function_string: '',
      use_function_calling: false,
    },
    pad_token_id: vocab['[PAD]'],
    bos_token_id: metadata.model_type === 'bert' ? vocab['[CLS]'] : vocab['<|endoftext|>'],
    eos_token_id: metadata.model_type === 'bert' ? vocab['[SEP]'] : vocab['<|im_end|>'],
  };
}

/**
 * Writes weights, cache index, config and tokenizer for the library into `outDir/resolve/main/`. Reuses a
 * complete earlier generation for the same library (same SHA-256) in the same folder.
 */
export function generateFixture(libraryPath: string, outDir?: string): WebLlmFixture {
  const library = readFileSync(libraryPath);
  const librarySha256 = createHash('sha256').update(library).digest('hex');
  const metadata = readLibraryMetadata(library);
  const kind = metadata.model_type === 'bert' ? 'embedding' : 'chat';
  const embed = metadata.params.find((p) => /embed/.test(p.name) && p.shape.length === 2);
  if (!embed) throw new Error('The library lists no embedding table: cannot tell its vocabulary size.');
  const [vocabSize, hiddenSize] = embed.shape as [number, number];
  const modelDir = resolve(outDir ?? join(tmpdir(), `parallax-webllm-${librarySha256.slice(0, 12)}`));
  const dir = join(modelDir, 'resolve/main');
  const done = join(modelDir, 'complete.json');
  const files = new Map<string, number>();

  if (existsSync(done)) {
    const saved = JSON.parse(readFileSync(done, 'utf8')) as { sha: string; files: [string, number][]; weightBytes: number };
    if (saved.sha === librarySha256) {
      return {
        modelDir,
        libraryName: basename(libraryPath),
        library,
        librarySha256,
        metadata,
        kind,
        vocabSize,
        hiddenSize,
        weightBytes: saved.weightBytes,
        files: new Map(saved.files),
      };
    }
  }
  mkdirSync(dir, { recursive: true });
  const next = random(0x5eed);
  const shards: { dataPath: string; format: 'raw-shard'; nbytes: number; records: object[] }[] = [];
  let current: Buffer[] = [];
  let records: object[] = [];
  let offset = 0;
  let weightBytes = 0;
  const flush = () => {
    if (!current.length) return;
    const dataPath = `params_shard_${shards.length}.bin`;
    const bytes = Buffer.concat(current);
    writeFileSync(join(dir, dataPath), bytes);
    files.set(dataPath, bytes.length);
    shards.push({ dataPath, format: 'raw-shard', nbytes: bytes.length, records });
    weightBytes += bytes.length;
    current = [];
    records = [];
    offset = 0;
  };
  for (const param of metadata.params) {
    const bytes = fillParam(param, next);
    if (offset > 0 && offset + bytes.length > SHARD_BYTES) flush();
    records.push({ name: param.name, shape: param.shape, dtype: param.dtype, format: 'raw', nbytes: bytes.length, byteOffset: offset });
    current.push(bytes);
    offset += bytes.length;
  }
  flush();
  const paramCount = metadata.params.reduce((sum, p) => sum + p.shape.reduce((a, b) => a * b, 1), 0);
  const tokenizer = fixtureTokenizer(vocabSize, kind) as { model: { vocab: Record<string, number> } };
  const write = (name: string, value: object) => {
    const text = JSON.stringify(value);
    writeFileSync(join(dir, name), text);
    files.set(name, Buffer.byteLength(text));
  };
  write('tensor-cache.json', {
    metadata: { ParamSize: metadata.params.length, ParamBytes: weightBytes, BitsPerParam: (weightBytes * 8) / paramCount },
    records: shards,
  });
  write('tokenizer.json', tokenizer);
  write('mlc-chat-config.json', chatConfig(metadata, vocabSize, hiddenSize, tokenizer));
  writeFileSync(done, JSON.stringify({ sha: librarySha256, files: [...files], weightBytes }));
  return { modelDir, libraryName: basename(libraryPath), library, librarySha256, metadata, kind, vocabSize, hiddenSize, weightBytes, files };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [libraryPath, outDir] = process.argv.slice(2);
  if (!libraryPath) {
    console.error('usage: tsx scripts/webllm-fixture.ts <model library .wasm> [out-dir]');
    process.exit(2);
  }
  const fixture = generateFixture(libraryPath, outDir);
  console.log(
    `${fixture.kind} model (${fixture.metadata.model_type}, ${fixture.metadata.params.length} parameters, ${(fixture.weightBytes / 1e6).toFixed(1)} MB of weights, vocabulary ${fixture.vocabSize}, hidden size ${fixture.hiddenSize})`,
  );
  console.log(`written to ${fixture.modelDir}/resolve/main/: ${[...fixture.files.keys()].join(', ')}`);
}
