// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { OnDeviceSettings } from '@/components/settings/OnDeviceSettings';
import { onDeviceFailureText } from '@/components/settings/on-device-errors';
import type { EngineEvent, ListedModel } from '@/utils/core/on-device/webllm-engine';
import type { EngineInfo } from '@/utils/platform/messaging/protocol';
import { embeddingItem } from '@/utils/platform/storage/judge-settings';
import { customOnDeviceModelsItem } from '@/utils/platform/storage/on-device-models';

// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion -- without it `info` is typed null and the tests cannot set it
const host = vi.hoisted(() => ({ calls: [] as { type: string; payload: unknown }[], info: null as unknown, live: null as null | ((e: unknown) => void) }));
vi.mock('@/utils/platform/messaging/client', () => ({
  send: async (type: string, payload: unknown) => {
    host.calls.push({ type, payload });
    return type === 'engine.info' ? host.info : { ok: true };
  },
}));
vi.mock('@/utils/platform/messaging/live', () => ({
  listenLive: (fn: (e: unknown) => void) => {
    host.live = fn;
    return () => undefined;
  },
}));

const model = (over: Partial<ListedModel>): ListedModel => ({
  id: 'x',
  name: 'x',
  quantization: 'q0f32',
  vramMB: 100,
  lowResource: false,
  needsShaderF16: false,
  kind: 'chat',
  downloadBytes: null,
  cached: false,
  ...over,
});
const SMALL = model({
  id: 'snowflake-arctic-embed-s-q0f32-MLC-b4',
  name: 'snowflake arctic embed s',
  kind: 'embedding',
  vramMB: 238.71,
  downloadBytes: 137_148_640,
});
const MEDIUM = model({
  id: 'snowflake-arctic-embed-m-q0f32-MLC-b4',
  name: 'snowflake arctic embed m',
  kind: 'embedding',
  vramMB: 539.4,
  downloadBytes: 439_866_592,
});
const CHAT = model({ id: 'SmolLM2-360M-Instruct-q4f32_1-MLC', name: 'SmolLM2 360M Instruct', quantization: 'q4f32_1', vramMB: 580 });
const info = (models: ListedModel[], loadedModels: string[] = []): EngineInfo => ({
  webgpu: { available: true, fallback: true, shaderF16: false, description: 'swiftshader' },
  models,
  defaultModel: CHAT.id,
  defaultEmbeddingModel: SMALL.id,
  loadedModel: null,
  loadedModels,
  loadingModel: null,
});
const emit = (event: EngineEvent) => host.live!({ type: 'engine', event });
const section = () => screen.getByRole('region', { name: 'On-device models' });

beforeEach(() => {
  fakeBrowser.reset();
  host.calls = [];
});
afterEach(cleanup);

async function start(models: ListedModel[], loaded: string[] = []) {
  host.info = info(models, loaded);
  const onAdd = vi.fn(async () => undefined);
  render(<OnDeviceSettings providers={[]} onAdd={onAdd} />);
  await screen.findByTestId('webgpu-status');
  return onAdd;
}

describe('on-device settings: embedding models and the cache manager', () => {
  test('embedding models are offered with download size and GPU memory; a download uses the model for divergence once ready', async () => {
    await start([CHAT, SMALL, MEDIUM]);
    const picker = screen.getByLabelText<HTMLSelectElement>('Model for divergence');
    expect([...picker.options].map((o) => o.textContent)).toEqual([
      'snowflake arctic embed s · q0f32 · 131 MB download · 239 MB GPU memory',
      'snowflake arctic embed m · q0f32 · 419 MB download · 539 MB GPU memory',
    ]);
    const embeddingBlock = picker.closest('.field-row') as HTMLElement;
    fireEvent.click(within(embeddingBlock).getByRole('button', { name: 'Download' }));
    await waitFor(() => expect(host.calls.find((c) => c.type === 'engine.load')?.payload).toEqual({ modelId: SMALL.id, kind: 'embedding' }));
    emit({ phase: 'progress', modelId: SMALL.id, progress: { fraction: 0.42, fetchedMB: 55, etaSeconds: 9, phase: 'downloading', text: '' } });
    await waitFor(() => expect(screen.getByTestId('download-progress-text').textContent).toBe('42 % · 55 MB · about 9 s left · downloading'));
    host.info = info([CHAT, { ...SMALL, cached: true, diskBytes: 137_000_000 }, MEDIUM], [SMALL.id]);
    emit({ phase: 'ready', modelId: SMALL.id });
    await waitFor(async () =>
      expect(await embeddingItem.getValue()).toEqual({ onDevice: { modelId: SMALL.id, kind: 'embedding' }, name: 'snowflake arctic embed s' }),
    );
    await waitFor(() =>
      expect(within(screen.getByTestId('on-device-cache')).getByText(/snowflake arctic embed s · q0f32 · embeddings · 131 MB on disk · loaded/)).toBeTruthy(),
    );
    await waitFor(() => expect(within(embeddingBlock).getByRole('button', { name: 'In use for divergence' })).toHaveProperty('disabled', true));
  });

  test('delete frees the model and stops using it for divergence; unload frees only the GPU', async () => {
    await embeddingItem.setValue({ onDevice: { modelId: SMALL.id, kind: 'embedding' }, name: SMALL.name });
    await start([CHAT, { ...SMALL, cached: true, diskBytes: 137_000_000 }], [SMALL.id]);
    const row = within(screen.getByTestId('on-device-cache'))
      .getByText(/snowflake arctic embed s/)
      .closest('li') as HTMLElement;
    fireEvent.click(within(row).getByRole('button', { name: 'Unload' }));
    await waitFor(() => expect(host.calls.some((c) => c.type === 'engine.unload')).toBe(true));
    fireEvent.click(within(row).getByRole('button', { name: 'Delete' }));
    await waitFor(() => expect(host.calls.find((c) => c.type === 'engine.delete')?.payload).toEqual({ modelId: SMALL.id, kind: 'embedding' }));
    await waitFor(async () => expect(await embeddingItem.getValue()).toBeNull());
  });

  test('a custom model: addresses must be https: or on this computer, a hex hash becomes SRI, the model is remembered once ready', async () => {
    await start([CHAT, SMALL]);
    fireEvent.click(screen.getByText('Add a custom model (MLC format)'));
    const form = section().querySelector('form')!;
    fireEvent.change(within(form).getByLabelText('Used for'), { target: { value: 'embedding' } });
    fireEvent.input(form.querySelector('input[name=customModelId]')!, { target: { value: 'My-Embed' } });
    fireEvent.input(form.querySelector('input[name=customModelUrl]')!, { target: { value: 'http://127.0.0.1:8000/my-embed' } });
    fireEvent.input(form.querySelector('input[name=customModelLib]')!, { target: { value: 'http://models.example/my-embed.wasm' } });
    await waitFor(() =>
      expect(screen.getByTestId('custom-model-problem').textContent).toBe(
        'Library URL (.wasm): model code comes only from https: addresses, or http: on this computer (127.0.0.1, localhost).',
      ),
    );
    const submit = within(form).getByRole('button', { name: 'Download custom model' });
    expect(submit).toHaveProperty('disabled', true);
    fireEvent.input(form.querySelector('input[name=customModelLib]')!, { target: { value: 'http://127.0.0.1:8000/my-embed.wasm' } });
    fireEvent.input(form.querySelector('input[name=customIntegrity]')!, { target: { value: 'nope' } });
    await waitFor(() => expect(screen.getByTestId('custom-model-problem').textContent).toContain('Not an integrity hash'));
    fireEvent.input(form.querySelector('input[name=customIntegrity]')!, { target: { value: '00'.repeat(32) } });
    await waitFor(() => expect(submit).toHaveProperty('disabled', false));
    fireEvent.click(submit);
    const ref = {
      modelId: 'My-Embed',
      modelUrl: 'http://127.0.0.1:8000/my-embed',
      modelLib: 'http://127.0.0.1:8000/my-embed.wasm',
      kind: 'embedding',
      integrity: 'sha256-AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=',
    };
    await waitFor(() => expect(host.calls.find((c) => c.type === 'engine.load')?.payload).toEqual(ref));
    emit({ phase: 'ready', modelId: 'My-Embed' });
    await waitFor(async () => expect(await customOnDeviceModelsItem.getValue()).toEqual([ref]));
    expect(await embeddingItem.getValue()).toEqual({ onDevice: ref, name: 'My-Embed' });
    // engine.info asks about it from then on, so the cache manager lists it.
    await waitFor(() => expect(host.calls.filter((c) => c.type === 'engine.info').at(-1)?.payload).toEqual({ custom: [ref] }));
  });

  test('failures and a cancel are told in words a user can act on', async () => {
    await start([CHAT, SMALL]);
    emit({ phase: 'failed', modelId: SMALL.id, code: 'library_changed', error: 'English text' });
    await waitFor(() => expect(screen.getByTestId('on-device-error').textContent).toContain('is not the copy Parallax first downloaded'));
    emit({ phase: 'cancelled', modelId: SMALL.id });
    await waitFor(() => expect(screen.getByTestId('on-device-notice').textContent).toBe('Download cancelled; nothing of it was kept.'));
  });
});

describe('on-device failure messages', () => {
  test.each([
    [{ code: 'incompatible', error: '' }, 'not compatible with this Parallax version'],
    [{ code: 'no_shader_f16', error: '', suggestion: 'Llama-3.2-1B-Instruct-q4f32_1-MLC' }, 'Download Llama-3.2-1B-Instruct-q4f32_1-MLC instead'],
    [{ code: 'no_shader_f16', error: '' }, 'Pick a model built for f32'],
    [{ code: 'out_of_memory', error: '' }, 'Not enough memory'],
    [
      { code: 'damaged', error: '', detail: 'CompileError: section extends past end' },
      'damaged or incomplete and could not be loaded. Delete the model and download it again; if that does not help, the server has a broken copy. Details: CompileError: section extends past end',
    ],
    [{ code: 'integrity', error: '' }, 'does not match the integrity hash'],
    [{ code: 'something_else', error: 'The engine said this.' }, 'The engine said this.'],
  ])('%j', (failure, says) => {
    expect(onDeviceFailureText(failure)).toContain(says);
  });
});
