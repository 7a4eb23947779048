// @vitest-environment happy-dom
import { afterEach, describe, expect, test, vi } from 'vitest';
import { useState } from 'preact/hooks';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { LanguagePicker, searchLanguages } from '@/components/shared/LanguagePicker';
import { LANGUAGES } from '@/utils/core/translate/languages';
import { LANGUAGE_PRESETS } from '@/utils/core/translate/presets';
import type { SavedLanguageSet } from '@/utils/core/translate/settings';

afterEach(cleanup);

/** The picker with its selection kept, as the prompt box keeps it. */
function Picker({
  initial = [],
  savedSets,
  onSaveSet,
  onSubmit,
}: {
  initial?: string[];
  savedSets?: SavedLanguageSet[];
  onSaveSet?: (l: string, c: string[]) => void;
  onSubmit?: () => void;
}) {
  const [selected, setSelected] = useState(initial);
  return (
    <form onSubmit={(e) => (e.preventDefault(), onSubmit?.())}>
      <LanguagePicker selected={selected} onChange={setSelected} savedSets={savedSets} onSaveSet={onSaveSet} />
      <output data-testid="selected">{selected.join(',')}</output>
    </form>
  );
}

const selected = () => screen.getByTestId('selected').textContent;
const search = () => screen.getByRole('combobox', { name: 'Search languages' });
const options = () => screen.getAllByRole('option');

describe('searching the catalogue', () => {
  test.each([
    ['swa', 'sw'],
    ['kiswa', 'sw'],
    ['日本', 'ja'],
    ['deutsch', 'de'],
    ['espanol', 'es'],
    ['ar', 'ar'],
    ['gaelic', 'gd'],
    ['ΕΛΛ', 'el'],
    ['melayu', 'ms'],
  ])('“%s” finds %s first', (query, code) => {
    expect(searchLanguages(query)[0]?.code).toBe(code);
  });

  test('an empty search lists all 36 languages; nonsense lists none', () => {
    expect(searchLanguages('')).toHaveLength(36);
    expect(searchLanguages('zzzz')).toHaveLength(0);
  });
});

describe('LanguagePicker', () => {
  test('lists every language with its native name, script direction and low-resource mark', () => {
    render(<Picker />);
    expect(options()).toHaveLength(LANGUAGES.length);
    const arabic = options().find((o) => o.id.endsWith('-opt-ar'))!;
    expect(arabic.querySelector('[lang="ar"]')?.getAttribute('dir')).toBe('rtl');
    expect(arabic.textContent).toContain('العربية');
    const marked = options()
      .filter((o) => within(o).queryByText('low-resource'))
      .map((o) => o.id.split('-opt-')[1])
      .sort();
    expect(marked).toEqual(
      LANGUAGES.filter((l) => l.lowResource)
        .map((l) => l.code)
        .sort(),
    );
    expect(marked).toContain('sw');
  });

  test('keyboard: type, move with arrows, Enter adds or removes without sending the form, Escape clears', () => {
    const onSubmit = vi.fn();
    render(<Picker onSubmit={onSubmit} />);
    fireEvent.input(search(), { target: { value: 'sw' } });
    expect(search().getAttribute('aria-activedescendant')).toMatch(/-opt-sw$/);
    fireEvent.keyDown(search(), { key: 'Enter' });
    expect(selected()).toBe('sw');
    fireEvent.keyDown(search(), { key: 'ArrowDown' });
    const second = search().getAttribute('aria-activedescendant')!.split('-opt-')[1]!;
    expect(second).not.toBe('sw');
    fireEvent.keyDown(search(), { key: 'Enter' });
    expect(selected()).toBe(`sw,${second}`);
    fireEvent.keyDown(search(), { key: 'ArrowUp' });
    fireEvent.keyDown(search(), { key: 'Enter' });
    expect(selected()).toBe(second); // Swahili removed again
    expect(onSubmit).not.toHaveBeenCalled();
    fireEvent.keyDown(search(), { key: 'Escape' });
    expect((search() as HTMLInputElement).value).toBe('');
    expect(options()).toHaveLength(36);
  });

  test('arrows wrap around the matches', () => {
    render(<Picker />);
    fireEvent.input(search(), { target: { value: 'bahasa' } }); // Indonesian, Javanese, Malay
    const ids = () => search().getAttribute('aria-activedescendant');
    const first = ids();
    fireEvent.keyDown(search(), { key: 'ArrowUp' });
    expect(ids()).toBe(options().at(-1)!.id);
    fireEvent.keyDown(search(), { key: 'ArrowDown' });
    expect(ids()).toBe(first);
  });

  test('a preset replaces the choice in one click and shows as pressed; chosen languages can be removed', () => {
    render(<Picker />);
    const world = LANGUAGE_PRESETS.find((p) => p.id === 'world')!;
    fireEvent.click(screen.getByRole('button', { name: /^World/ }));
    expect(selected()).toBe(world.codes.join(','));
    expect(screen.getByRole('button', { name: /^World/ }).getAttribute('aria-pressed')).toBe('true');
    expect(screen.getByRole('button', { name: /^Low-resource/ }).getAttribute('aria-pressed')).toBe('false');
    fireEvent.click(screen.getByRole('button', { name: 'Remove Swahili' }));
    expect(selected()).toBe(world.codes.filter((c) => c !== 'sw').join(','));
    expect(screen.getByRole('button', { name: /^World/ }).getAttribute('aria-pressed')).toBe('false');
    fireEvent.click(screen.getByRole('button', { name: 'Clear' }));
    expect(selected()).toBe('');
    expect(screen.getByText('No language chosen: the prompt is sent as written.')).toBeTruthy();
  });

  test('saved sets are offered after the presets, and the choice can be saved under a name', () => {
    const onSaveSet = vi.fn();
    render(<Picker initial={['de', 'ar']} savedSets={[{ id: 's1', label: 'Family', codes: ['tr', 'de'] }]} onSaveSet={onSaveSet} />);
    fireEvent.click(screen.getByRole('button', { name: /^Family/ }));
    expect(selected()).toBe('tr,de');
    const name = screen.getByLabelText('Name for this set of languages');
    fireEvent.input(name, { target: { value: 'Neighbours' } });
    fireEvent.keyDown(name, { key: 'Enter' });
    expect(onSaveSet).toHaveBeenCalledWith('Neighbours', ['tr', 'de']);
    expect((name as HTMLInputElement).value).toBe('');
  });

  test('clicking an option toggles it', () => {
    render(<Picker />);
    const japanese = options().find((o) => o.id.endsWith('-opt-ja'))!;
    fireEvent.click(japanese);
    expect(selected()).toBe('ja');
    expect(japanese.getAttribute('aria-selected')).toBe('true');
    fireEvent.click(japanese);
    expect(selected()).toBe('');
  });
});
