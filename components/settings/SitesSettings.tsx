import { useState } from 'preact/hooks';
import { SITE_ADAPTERS } from '@/utils/sites/registry';
import type { SiteId } from '@/utils/sites/types';
import { requestAccess } from '@/utils/permissions';
import { sitePatternFromInput, type Settings } from '@/utils/settings';

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
    if (enabled && !(await requestAccess(matches))) return setError('Access to that site was not granted, so capture stays off.');
    setError(null);
    await onSetSite(id, enabled);
  };
  const addCustom = async (e: Event) => {
    e.preventDefault();
    const pattern = sitePatternFromInput(input);
    if (!pattern) return setError('Enter a site address such as chat.example.com or http://127.0.0.1:8080.');
    if (!(await requestAccess([pattern]))) return setError(`Access to ${pattern} was not granted, so capture stays off there.`);
    setError(null);
    setInput('');
    await onAddCustom(pattern);
  };

  return (
    <section class="card" aria-labelledby="sites">
      <h2 id="sites">Pick up prompts on</h2>
      <label class="toggle">
        <input type="checkbox" checked={settings.paused} onChange={(e) => void onPause(e.currentTarget.checked)} />
        Pause: pick up nothing anywhere
      </label>
      {known.length > 0 && (
        <ul class="list">
          {known.map((a) => (
            <li key={a.id}>
              <label class="toggle">
                <input type="checkbox" checked={settings.sites.includes(a.id)} onChange={(e) => void toggle(a.id, a.matches, e.currentTarget.checked)} />
                {a.name}
              </label>
              <span class="muted">{a.matches.map((m) => new URL(m.replace('*.', '')).host).join(', ')}</span>
            </li>
          ))}
        </ul>
      )}
      <form class="field" onSubmit={addCustom}>
        <label class="field">
          Another chat site (its composer and send button are found automatically)
          <span class="toggle">
            <input name="site" value={input} onInput={(e) => setInput(e.currentTarget.value)} placeholder="http://127.0.0.1:8080" />
            <button class="button" type="submit">Enable</button>
          </span>
        </label>
      </form>
      {settings.customSitePatterns.length > 0 && (
        <ul class="list" data-testid="custom-sites">
          {settings.customSitePatterns.map((p) => (
            <li key={p}>
              <code>{p}</code>
              <button class="link" onClick={() => void onRemoveCustom(p)} aria-label={`Stop picking up prompts on ${p}`}>Remove</button>
            </li>
          ))}
        </ul>
      )}
      {error && <p class="form-error" role="alert">{error}</p>}
      <p class="muted">Reload an open chat tab after enabling its site.</p>
    </section>
  );
}
