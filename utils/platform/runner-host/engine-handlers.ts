import { webLlmHost } from '../../core/on-device/webllm-engine';
import { defaultOnDeviceModel } from '../../core/on-device/webllm-catalogue';
import type { Handlers } from '../messaging/router';
import { detectWebGpu } from '../../core/on-device/webgpu';

/**
 * The on-device engine's message handlers, answered by the page that hosts the runner (Chrome's offscreen
 * document), so the models it downloads and loads are the ones runs and measures use.
 */
export function engineHandlers(): Handlers {
  const host = webLlmHost();
  return {
    async 'engine.info'({ custom }) {
      const webgpu = await detectWebGpu();
      const models = webgpu.available ? await host.catalogue({ shaderF16: webgpu.shaderF16 }, custom ?? []) : [];
      const catalogue = models.filter((m) => !m.custom);
      return {
        webgpu,
        models,
        defaultModel: defaultOnDeviceModel(catalogue.filter((m) => m.kind === 'chat'))?.id ?? null,
        defaultEmbeddingModel: catalogue.find((m) => m.kind === 'embedding')?.id ?? null,
        ...host.status(),
      };
    },
    'engine.load'(ref) {
      // Resolves at once: progress and the outcome arrive as live events (a download can take minutes).
      host.load(ref).catch(() => undefined);
      return Promise.resolve({ started: true });
    },
    async 'engine.cancel'() {
      await host.cancel();
      return { cancelled: true };
    },
    async 'engine.delete'(ref) {
      await host.remove(ref);
      return { deleted: true };
    },
    async 'engine.unload'({ modelId }) {
      await host.unload(modelId);
      return { unloaded: true };
    },
    async 'engine.embed'({ texts, ...ref }) {
      return { vectors: await host.embed(ref, texts) };
    },
  };
}

/** Firefox: there is no on-device engine; every engine message gets the reason. */
export function noEngineHandlers(): Handlers {
  const reason = (): Promise<never> =>
    Promise.reject(new Error('On-device models need Chrome or Edge: Firefox has no WebGPU for extensions on most systems and limits extension files to 5 MB.'));
  return { 'engine.info': reason, 'engine.load': reason, 'engine.cancel': reason, 'engine.delete': reason, 'engine.unload': reason, 'engine.embed': reason };
}
