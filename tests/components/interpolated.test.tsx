// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, test } from 'vitest';
import { Interpolated } from '@/components/shared/Interpolated';
import { WelcomeGuide } from '@/components/settings/WelcomeGuide';

const LOCALES = resolve(__dirname, '../../public/_locales');
const messages = (lang: string) => JSON.parse(readFileSync(join(LOCALES, lang, 'messages.json'), 'utf8')) as Record<string, { message: string }>;

/** Pretends to be a browser in `lang`: chrome.i18n answers from that locale's messages, like Chrome does. */
function browserIn(lang: string) {
  const m = messages(lang);
  (globalThis as { chrome?: unknown }).chrome = {
    i18n: { getMessage: (key: string, subs: string[] = []) => m[key]?.message.replace(/\$(\d)/g, (_, n: string) => subs[Number(n) - 1] ?? '') ?? '' },
  };
}

afterEach(() => {
  cleanup();
  delete (globalThis as { chrome?: unknown }).chrome;
});

describe('sentences with links stay whole in every language', () => {
  test.each([
    ['en', 'Turn on a chat site under Pick up prompts on.', 'Pick up prompts on'],
    ['de', 'Aktivieren Sie eine Chat-Seite unter Prompts erfassen auf.', 'Prompts erfassen auf'],
    ['es', 'Active un sitio de chat en Recoger prompts en.', 'Recoger prompts en'],
  ])('%s: the link sits where the translation puts it and keeps its target', (lang, sentence, linkText) => {
    if (lang !== 'en') browserIn(lang);
    const { container } = render(
      <p>
        <Interpolated
          id="welcomeStepSite"
          parts={[
            <a key="sites" href="#sites">
              {linkText}
            </a>,
          ]}
        />
      </p>,
    );
    expect(container.textContent).toBe(sentence);
    expect(screen.getByRole('link', { name: linkText }).getAttribute('href')).toBe('#sites');
  });

  test('a translation that moves the elements moves them in the page', () => {
    (globalThis as { chrome?: unknown }).chrome = { i18n: { getMessage: (_key: string, subs: string[]) => `B=${subs[1]} A=${subs[0]}` } };
    const { container } = render(
      <p>
        <Interpolated id="welcomeStepModel" parts={[<b key="a">one</b>, <i key="b">two</i>]} />
      </p>,
    );
    expect(container.innerHTML).toBe('<p>B=<i>two</i> A=<b>one</b></p>');
  });

  test('the welcome guide in a German browser: German steps, both links inside the first one', () => {
    browserIn('de');
    render(<WelcomeGuide hasModel={false} hasSite={false} onDone={() => {}} />);
    expect(screen.getByRole('heading', { name: 'Willkommen bei Parallax' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Modelle' }).closest('li')).toBe(screen.getByRole('link', { name: 'Modelle auf dem Gerät' }).closest('li'));
    expect(screen.getByRole('button', { name: 'Vorerst überspringen' })).toBeTruthy();
  });
});
