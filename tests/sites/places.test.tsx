// @vitest-environment happy-dom
import { afterEach, describe, expect, test } from 'vitest';
import { cleanup, render, screen } from '@testing-library/preact';
import { SitesSettings } from '@/components/settings/SitesSettings';
import { SITE_ADAPTERS, patternPlaces } from '@/utils/core/sites/registry';
import { DEFAULT_SETTINGS } from '@/utils/platform/storage/settings';

afterEach(cleanup);

describe('where a site’s capture reaches, as the settings list it', () => {
  test.each([
    [
      ['https://chatgpt.com/*', 'https://chat.openai.com/*'],
      ['chatgpt.com', 'chat.openai.com'],
    ],
    [['https://huggingface.co/chat', 'https://huggingface.co/chat/*'], ['huggingface.co/chat']],
    [
      ['https://grok.com/*', 'https://x.com/i/grok*'],
      ['grok.com', 'x.com/i/grok'],
    ],
    [['https://*.example.com/*', 'https://example.com/*'], ['example.com']],
    [['http://127.0.0.1/*'], ['127.0.0.1']],
  ])('%j → %j', (patterns, places) => {
    expect(patternPlaces(patterns)).toEqual(places);
  });

  test('no site in Settings names the same place twice', () => {
    const noop = async () => undefined;
    render(<SitesSettings settings={DEFAULT_SETTINGS} onSetSite={noop} onAddCustom={noop} onRemoveCustom={noop} onPause={noop} />);
    const lines = screen.getAllByTestId('site-places').map((el) => el.textContent);
    expect(lines).toHaveLength(SITE_ADAPTERS.filter((a) => a.matches.length).length);
    for (const line of lines) {
      const places = line.split(/, | and /);
      expect(new Set(places).size, line).toBe(places.length);
    }
    expect(lines).toContain('huggingface.co/chat');
  });
});
