import { t } from '@/utils/core/i18n';
import { Interpolated } from '../shared/Interpolated';

export interface LocalServersNoteProps {
  /** True where Parallax cannot strip the Origin header itself (Firefox's build has no declarativeNetRequest rules). */
  needsServerSetting: boolean;
  /** This copy of Parallax's own origin ("moz-extension://…"): the only one the server is told to allow. */
  extensionOrigin: string;
}

/** The command that starts Ollama allowing this extension, and no other. */
export const ollamaServeCommand = (origin: string) => `OLLAMA_ORIGINS="${origin}" ollama serve`;
/** The same setting for the macOS app. */
const ollamaMacosCommand = (origin: string) => `launchctl setenv OLLAMA_ORIGINS "${origin}"`;

/**
 * Firefox: local servers such as Ollama reject requests from extensions (403) unless told to allow them; on
 * Chrome, Parallax removes the Origin header for configured local endpoints, so nothing is shown. The command
 * names this extension's own origin, not every extension's (`moz-extension://*`).
 */
export function LocalServersNote({ needsServerSetting, extensionOrigin }: LocalServersNoteProps) {
  if (!needsServerSetting) return null;
  return (
    <section class="card" aria-labelledby="local-servers" data-testid="local-servers-note">
      <h2 id="local-servers">{t('ollamaInFirefox')}</h2>
      <p>{t('ollamaRefuses')}</p>
      <pre>
        <code>{ollamaServeCommand(extensionOrigin)}</code>
      </pre>
      <p class="muted">
        <Interpolated id="ollamaMacos" parts={[<code key="cmd">{ollamaMacosCommand(extensionOrigin)}</code>]} />
      </p>
      <p class="muted">
        <Interpolated id="onlyThisExtension" parts={[<code key="origin">{extensionOrigin}</code>]} />
      </p>
    </section>
  );
}
