import { browser } from 'wxt/browser';
import { enabledSitesOf, type Settings } from '../storage/settings';
import { enabledPatterns } from '../../core/sites/registry';

const SCRIPT_ID = 'parallax-capture';

/**
 * Registers the capture content script on exactly the enabled sites the user granted access to, and nowhere
 * else (none at all while paused). Called at start-up and whenever settings or permissions change.
 */
export async function syncCaptureScripts(settings: Settings): Promise<string[]> {
  const wanted = settings.paused ? [] : enabledPatterns(enabledSitesOf(settings));
  const granted: string[] = [];
  for (const pattern of wanted) {
    if (await browser.permissions.contains({ origins: [pattern] }).catch(() => false)) granted.push(pattern);
  }
  const existing = await browser.scripting.getRegisteredContentScripts({ ids: [SCRIPT_ID] });
  if (!granted.length) {
    if (existing.length) await browser.scripting.unregisterContentScripts({ ids: [SCRIPT_ID] });
    return [];
  }
  const script = {
    id: SCRIPT_ID,
    js: ['content-scripts/capture.js'],
    matches: granted,
    runAt: 'document_idle' as const,
    allFrames: false,
    persistAcrossSessions: true,
  };
  if (existing.length) await browser.scripting.updateContentScripts([script]);
  else await browser.scripting.registerContentScripts([script]);
  return granted;
}
