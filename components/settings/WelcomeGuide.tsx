import { useEffect, useState } from 'preact/hooks';
import { detectWebGpu, type WebGpuStatus } from '@/utils/webgpu';

export interface WelcomeGuideProps {
  hasModel: boolean;
  hasSite: boolean;
  onDone: () => void;
}

/** First-run steps: a model, a site, then the panel. Each step ticks itself off as settings change below. */
export function WelcomeGuide({ hasModel, hasSite, onDone }: WelcomeGuideProps) {
  const [gpu, setGpu] = useState<WebGpuStatus | null>(null);
  useEffect(() => void detectWebGpu().then(setGpu), []);
  return (
    <section class="card" aria-labelledby="welcome">
      <h2 id="welcome">Welcome to Parallax</h2>
      <p>Parallax asks the models you choose the same question you ask a chat site, and shows how their answers differ.</p>
      <ol class="steps">
        <li class={hasModel ? 'step-done' : ''}>
          {hasModel ? '✓ ' : ''}Add a model: a local server (Ollama, LM Studio) or an API endpoint under <a href="#endpoints">Models</a>, or
          download one to run on this computer under <a href="#on-device">On-device models</a>.
          <div class="muted">
            {gpu === null
              ? 'Checking WebGPU…'
              : gpu.available
                ? `WebGPU is available here (${gpu.description}${gpu.fallback ? ', a software fallback: too slow for on-device models' : ''}).`
                : gpu.reason}
          </div>
        </li>
        <li class={hasSite ? 'step-done' : ''}>
          {hasSite ? '✓ ' : ''}Turn on a chat site under <a href="#sites">Pick up prompts on</a>.
        </li>
        <li>Open the Parallax side panel from the toolbar button, then send a prompt on that site.</li>
      </ol>
      <div>
        <button class="button" onClick={onDone}>
          {hasModel && hasSite ? 'Done' : 'Skip for now'}
        </button>
      </div>
    </section>
  );
}
