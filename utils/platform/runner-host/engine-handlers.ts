import { webLlmHost } from '../../core/on-device/webllm-engine';
import { defaultOnDeviceModel } from '../../core/on-device/webllm-catalogue';
import type { Handlers } from '../messaging/router';
import { detectWebGpu } from '../../core/on-device/webgpu';

/**
 * The on-device engine's message handlers, answered by the page that hosts the runner (Chrome's offscreen
 * document), so the model it downloads and loads is the one runs use.
 */
export function engineHandlers(): Handlers {
  const host = webLlmHost();
  return {
    async 'engine.info'() {
      const webgpu = await detectWebGpu();
      const models = webgpu.available ? await host.catalogue({ shaderF16: webgpu.shaderF16 }) : [];
      const { loadedModel, loadingModel } = host.status();
      return { webgpu, models, defaultModel: defaultOnDeviceModel(models)?.id ?? null, loadedModel, loadingModel };
    },
    async 'engine.load'(ref) {
      // Resolves at once: progress and the outcome arrive as live events (a download can take minutes).
      host.load(ref).catch(() => undefined);
      return { started: true };
    },
    async 'engine.cancel'() {
      await host.cancel();
      return { cancelled: true };
    },
    async 'engine.delete'(ref) {
      await host.remove(ref);
      return { deleted: true };
    },
  };
}

/** Firefox: there is no on-device engine; every engine message gets the reason. */
export function noEngineHandlers(): Handlers {
  const reason = async (): Promise<never> => {
    throw new Error('On-device models need Chrome or Edge: Firefox has no WebGPU for extensions on most systems and limits extension files to 5 MB.');
  };
  return { 'engine.info': reason, 'engine.load': reason, 'engine.cancel': reason, 'engine.delete': reason };
}
