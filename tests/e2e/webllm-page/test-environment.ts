/**
 * The two catches of running a real WebLLM library on this test machine (see ../shared/webllm/README.md), answered
 * here, in the test page only — never in shipped code:
 * 1. The test library imports two TVM runtime functions WebLLM ≥ 0.2.85 no longer provides; without them it fails
 *    to link (a LinkError, which Parallax reports as "not compatible with this Parallax version"). Supplied here as
 *    a no-op and a single thread.
 * 2. SwiftShader takes 11–20 minutes to compile one GPU sort kernel (`argsort1_kernel_2`, top-p sampling) that
 *    embeddings never dispatch: it is compiled as an empty kernel with the same name (the pipeline layout is
 *    explicit, so nothing else changes; embeddings stay bit-identical).
 */
export interface TestEnvironment {
  runtimeImports: boolean;
  emptySortKernel: boolean;
}

const MISSING_IMPORTS: Record<string, () => number | undefined> = {
  _ZN3tvm7runtime9threading15ResetThreadPoolEv: () => undefined,
  _ZN3tvm7runtime9threading10NumThreadsEv: () => 1,
};

export function installTestEnvironment({ runtimeImports, emptySortKernel }: TestEnvironment): void {
  if (runtimeImports) {
    const instantiate = WebAssembly.instantiate.bind(WebAssembly) as (
      source: BufferSource,
      imports?: WebAssembly.Imports,
    ) => Promise<WebAssembly.WebAssemblyInstantiatedSource>;
    (WebAssembly as { instantiate: unknown }).instantiate = (source: BufferSource, imports?: WebAssembly.Imports) => {
      const env = imports?.env as Record<string, unknown> | undefined;
      if (env) for (const [name, fn] of Object.entries(MISSING_IMPORTS)) env[name] ??= fn;
      return instantiate(source, imports);
    };
  }
  if (emptySortKernel && typeof GPUDevice !== 'undefined') {
    const create = GPUDevice.prototype.createShaderModule;
    GPUDevice.prototype.createShaderModule = function (descriptor: GPUShaderModuleDescriptor) {
      const replaced = /\bfn argsort1_kernel_2\s*\(/.test(descriptor.code)
        ? { ...descriptor, code: '@compute @workgroup_size(1) fn argsort1_kernel_2() {}' }
        : descriptor;
      return create.call(this, replaced);
    };
  }
}
