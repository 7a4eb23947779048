/**
 * The real-library test page: Parallax's own WebLLM engine module (what the offscreen runner host runs) and the
 * on-device provider, given WebLLM the way the host page gives it. The test environment's two fixes are installed
 * first, as the page's address asks (`?env=none` leaves the library to fail as it would).
 */
import { provideWebLlm, webLlmHost } from '../../../utils/core/on-device/webllm-engine';
import { webllm } from '../../../utils/core/providers/webllm';
import { formatBytes } from '../../../utils/core/on-device/webllm-disk';
import { installTestEnvironment } from './test-environment';

const env = new URLSearchParams(location.search).get('env') ?? 'all';
installTestEnvironment({ runtimeImports: env === 'all', emptySortKernel: env !== 'none' });
provideWebLlm(() => import('@mlc-ai/web-llm'));
(globalThis as { parallax?: unknown }).parallax = { host: webLlmHost(), provider: webllm, formatBytes };
