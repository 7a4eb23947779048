import { t } from '@/utils/core/i18n';
import { Interpolated } from '../shared/Interpolated';

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
      <h2 id="local-servers">{t('ollamaInFirefox')}</h2>
      <p>{t('ollamaRefuses')}</p>
      <pre>
        <code>{COMMAND}</code>
      </pre>
      <p class="muted">
        <Interpolated id="ollamaMacos" parts={[<code key="cmd">launchctl setenv OLLAMA_ORIGINS "moz-extension://*"</code>]} />
      </p>
    </section>
  );
}
