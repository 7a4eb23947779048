export interface LocalServersNoteProps {
  /** True where Parallax cannot strip the Origin header itself (Firefox's build has no declarativeNetRequest rules). */
  needsServerSetting: boolean;
}

const COMMAND = 'OLLAMA_ORIGINS="moz-extension://*" ollama serve';

/**
 * Firefox: local servers such as Ollama reject requests from extensions (403) unless told to allow them; on
 * Chrome, Parallax removes the Origin header for configured local endpoints, so nothing is shown.
 */
export function LocalServersNote({ needsServerSetting }: LocalServersNoteProps) {
  if (!needsServerSetting) return null;
  return (
    <section class="card" aria-labelledby="local-servers" data-testid="local-servers-note">
      <h2 id="local-servers">Using Ollama in Firefox</h2>
      <p>
        Ollama refuses requests from browser extensions unless it is told to allow them, and Parallax for Firefox cannot change the origin its
        requests carry. Quit Ollama and start it with:
      </p>
      <pre>
        <code>{COMMAND}</code>
      </pre>
      <p class="muted">
        On macOS, run <code>launchctl setenv OLLAMA_ORIGINS "moz-extension://*"</code> and restart the Ollama app. Other local servers (LM Studio,
        llama.cpp, vLLM) accept extensions by default or have a similar CORS setting.
      </p>
    </section>
  );
}
