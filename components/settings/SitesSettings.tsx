import { useState } from 'preact/hooks';
import { SITE_ADAPTERS, patternPlaces } from '@/utils/core/sites/registry';
import type { SiteId } from '@/utils/core/sites/types';
import { requestAccess } from '@/utils/platform/permissions';
import { sitePatternFromInput, type Settings } from '@/utils/platform/storage/settings';
import { listOf, t } from '@/utils/core/i18n';

export interface SitesSettingsProps {
  settings: Settings;
  onSetSite: (id: SiteId, enabled: boolean) => Promise<void>;
  onAddCustom: (pattern: string) => Promise<void>;
  onRemoveCustom: (pattern: string) => Promise<void>;
  onPause: (paused: boolean) => Promise<void>;
}

/** Where prompts are picked up: per-site opt-in (asking for access at that moment), other sites, pause. */
export function SitesSettings({ settings, onSetSite, onAddCustom, onRemoveCustom, onPause }: SitesSettingsProps) {
  const [input, setInput] = useState('');
  const [error, setError] = useState<string | null>(null);
  const known = SITE_ADAPTERS.filter((a) => a.matches.length > 0);

  const toggle = async (id: SiteId, matches: string[], enabled: boolean) => {
    if (enabled && !(await requestAccess(matches))) {
      setError(t('siteAccessNotGranted'));
      return;
    }
    setError(null);
    try {
      await onSetSite(id, enabled);
    } catch (err) {
      setError(t('siteSettingNotSaved', err instanceof Error ? err.message : String(err)));
    }
  };
  const addCustom = async (e: Event) => {
    e.preventDefault();
    const pattern = sitePatternFromInput(input);
    if (!pattern) {
      setError(t('enterSiteAddress'));
      return;
    }
    if (!(await requestAccess([pattern]))) {
      setError(t('patternAccessNotGranted', pattern));
      return;
    }
    setError(null);
    try {
      await onAddCustom(pattern);
      setInput(''); // only once it is saved: a failure keeps what the user typed
    } catch (err) {
      setError(t('siteSettingNotSaved', err instanceof Error ? err.message : String(err)));
    }
  };

  return (
    <section class="card" aria-labelledby="sites">
      <h2 id="sites">{t('pickUpPromptsOn')}</h2>
      <label class="toggle">
        <input type="checkbox" checked={settings.paused} onChange={(e) => void onPause(e.currentTarget.checked)} />
        {t('pauseEverywhere')}
      </label>
      {known.length > 0 && (
        <ul class="list">
          {known.map((a) => (
            <li key={a.id}>
              <label class="toggle">
                <input type="checkbox" checked={settings.sites.includes(a.id)} onChange={(e) => void toggle(a.id, a.matches, e.currentTarget.checked)} />
                {a.name}
              </label>
              <span class="muted" data-testid="site-places">
                {listOf(patternPlaces(a.matches))}
              </span>
            </li>
          ))}
        </ul>
      )}
      <form class="field" onSubmit={(e) => void addCustom(e)}>
        <label class="field">
          {t('anotherChatSite')}
          <span class="toggle">
            <input name="site" value={input} onInput={(e) => setInput(e.currentTarget.value)} placeholder="http://127.0.0.1:8080" />
            <button class="button" type="submit">
              {t('enable')}
            </button>
          </span>
        </label>
      </form>
      {settings.customSitePatterns.length > 0 && (
        <ul class="list" data-testid="custom-sites">
          {settings.customSitePatterns.map((p) => (
            <li key={p}>
              <code>{p}</code>
              <button class="link" onClick={() => void onRemoveCustom(p)} aria-label={t('stopPickingUpOn', p)}>
                {t('remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      {error && (
        <p class="form-error" role="alert">
          {error}
        </p>
      )}
      <p class="muted">{t('reloadChatTab')}</p>
    </section>
  );
}
