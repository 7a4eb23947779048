/** What WebGPU offers in this context, in words a user can act on. */
export type WebGpuStatus = { available: true; fallback: boolean; shaderF16: boolean; description: string } | { available: false; reason: string };

interface GpuLike {
  requestAdapter(): Promise<{
    features: { has(name: string): boolean };
    info?: { description?: string; vendor?: string; architecture?: string };
    isFallbackAdapter?: boolean;
  } | null>;
}

/** Detects WebGPU without loading any model: adapter present, software fallback or not, shader-f16. */
export async function detectWebGpu(gpu: GpuLike | undefined = (globalThis.navigator as { gpu?: GpuLike } | undefined)?.gpu): Promise<WebGpuStatus> {
  if (!gpu) {
    return {
      available: false,
      reason: 'This browser has no WebGPU. Use Chrome or Edge 113+ (on Linux, enable chrome://flags/#enable-unsafe-webgpu).',
    };
  }
  try {
    const adapter = await gpu.requestAdapter();
    if (!adapter) return { available: false, reason: 'WebGPU is present but found no usable graphics adapter (it may be blocked or disabled).' };
    const fallback = adapter.isFallbackAdapter ?? false;
    return {
      available: true,
      fallback,
      shaderF16: adapter.features.has('shader-f16'),
      description:
        adapter.info?.description || [adapter.info?.vendor, adapter.info?.architecture].filter(Boolean).join(' ') || (fallback ? 'software renderer' : 'GPU'),
    };
  } catch (err) {
    return { available: false, reason: `WebGPU failed to start: ${err instanceof Error ? err.message : String(err)}` };
  }
}
