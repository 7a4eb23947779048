import { useEffect, useId, useMemo, useState } from 'preact/hooks';
import { LANGUAGES, languageByCode, languageName, type Language } from '@/utils/core/translate/languages';
import { LANGUAGE_PRESETS } from '@/utils/core/translate/presets';
import type { SavedLanguageSet } from '@/utils/core/translate/settings';
import '../languages.css';
import { t } from '@/utils/core/i18n';

export interface LanguagePickerProps {
  /** Chosen catalogue codes, in column order. */
  selected: string[];
  onChange: (codes: string[]) => void;
  /** The user's own sets, offered after the presets. */
  savedSets?: SavedLanguageSet[];
  /** Saves the chosen languages under a name; absent = no saving here. */
  onSaveSet?: (label: string, codes: string[]) => void;
  /** Heading of the group. */
  label?: string;
}

const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/** Languages matching a search, best first: the exact code, then names starting with it, then containing it. */
export function searchLanguages(query: string, languages: readonly Language[] = LANGUAGES): Language[] {
  const q = fold(query.trim());
  if (!q) return [...languages];
  const rank = (l: Language) => {
    if (l.code === q) return 0;
    const names = [l.name, l.nativeName].map(fold);
    if (names.some((n) => n.startsWith(q))) return 1;
    if (names.some((n) => n.split(/\s+/).some((w) => w.startsWith(q)))) return 2;
    return names.some((n) => n.includes(q)) || (q.length >= 2 && l.code.startsWith(q)) ? 3 : 9;
  };
  return languages
    .map((l) => [l, rank(l)] as const)
    .filter(([, r]) => r < 9)
    .sort((a, b) => a[1] - b[1])
    .map(([l]) => l);
}

const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((c) => b.includes(c));

/** A language's name in itself, with the right script direction and language tag for fonts and screen readers. */
export function NativeName({ code }: { code: string }) {
  const language = languageByCode(code);
  return (
    <span class="native-name" lang={language?.code ?? code} dir={language?.dir ?? 'auto'}>
      {language?.nativeName ?? code}
    </span>
  );
}

/**
 * Chooses the languages a comparison asks in: built-in presets and saved sets in one click, or a search over the
 * catalogue (native names, English names, codes; low-resource languages marked). Keyboard: type to filter,
 * ↑/↓ to move, Enter to add or remove, Escape to clear the search.
 */
export function LanguagePicker({ selected, onChange, savedSets = [], onSaveSet, label = t('askIn') }: LanguagePickerProps) {
  const id = useId();
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const [setName, setSetName] = useState('');
  const matches = useMemo(() => searchLanguages(query), [query]);
  const activeCode = matches[Math.min(active, matches.length - 1)]?.code;
  useEffect(() => setActive(0), [query]);
  useEffect(() => {
    if (activeCode) document.getElementById(`${id}-opt-${activeCode}`)?.scrollIntoView?.({ block: 'nearest' });
  }, [activeCode, id]);

  const toggle = (code: string) => onChange(selected.includes(code) ? selected.filter((c) => c !== code) : [...selected, code]);
  const sets = [
    ...LANGUAGE_PRESETS.map((p) => ({ key: p.id, label: p.label, title: p.description, codes: [...p.codes] })),
    ...savedSets.map((s) => ({ key: s.id, label: s.label, title: t('yourSavedSet'), codes: s.codes })),
  ];
  const save = () => {
    if (!setName.trim() || !onSaveSet) return;
    onSaveSet(setName.trim(), selected);
    setSetName('');
  };

  return (
    <div class="language-picker" role="group" aria-labelledby={`${id}-label`} data-testid="language-picker">
      <div id={`${id}-label`} class="lp-label">
        {label}
      </div>
      <div class="lp-sets" role="group" aria-label={t('languageSets')}>
        {sets.map((s) => (
          <button
            key={s.key}
            type="button"
            class="chip"
            aria-pressed={sameSet(selected, s.codes)}
            title={`${s.title} (${s.codes.join(', ')})`}
            onClick={() => onChange(s.codes)}
          >
            {s.label} <span class="muted">{s.codes.length}</span>
          </button>
        ))}
        {selected.length > 0 && (
          <button type="button" class="link" onClick={() => onChange([])}>
            {t('clear')}
          </button>
        )}
      </div>
      <ul class="lp-chosen" aria-label={t('chosenLanguages')} aria-live="polite">
        {selected.length === 0 && <li class="muted">{t('noLanguageChosen')}</li>}
        {selected.map((code) => (
          <li key={code} class="chip chosen" data-code={code}>
            <NativeName code={code} /> <span class="muted">{code}</span>
            <button type="button" class="chip-remove" aria-label={t('removeLanguage', languageName(code, t('pageLang')))} onClick={() => toggle(code)}>
              ×
            </button>
          </li>
        ))}
      </ul>
      <input
        type="search"
        class="lp-search"
        role="combobox"
        list={undefined}
        aria-label={t('searchLanguages')}
        aria-expanded="true"
        aria-controls={`${id}-list`}
        aria-autocomplete="list"
        aria-activedescendant={activeCode ? `${id}-opt-${activeCode}` : undefined}
        placeholder={t('searchLanguagesPlaceholder', LANGUAGES.length)}
        value={query}
        onInput={(e) => setQuery(e.currentTarget.value)}
        onKeyDown={(e) => {
          const last = matches.length - 1;
          if (e.key === 'ArrowDown') setActive((a) => (a >= last ? 0 : a + 1));
          else if (e.key === 'ArrowUp') setActive((a) => (a <= 0 ? last : a - 1));
          else if (e.key === 'Home' && e.ctrlKey) setActive(0);
          else if (e.key === 'End' && e.ctrlKey) setActive(last);
          else if (e.key === 'Enter' && !e.ctrlKey && !e.metaKey) {
            if (activeCode) toggle(activeCode);
          } else if (e.key === 'Escape' && query) setQuery('');
          else return;
          e.preventDefault(); // Enter must not send the prompt; Escape must not close the panel
          e.stopPropagation();
        }}
      />
      <ul id={`${id}-list`} class="lp-list" role="listbox" aria-multiselectable="true" aria-label={t('languages')}>
        {matches.map((l) => (
          <li
            key={l.code}
            id={`${id}-opt-${l.code}`}
            role="option"
            aria-selected={selected.includes(l.code)}
            class={l.code === activeCode ? 'active' : undefined}
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => toggle(l.code)}
          >
            <span class="lp-check" aria-hidden="true">
              {selected.includes(l.code) ? '✓' : ''}
            </span>
            <NativeName code={l.code} />
            <span class="muted">
              {' '}
              {l.name} · {l.code}
            </span>
            {l.lowResource && (
              <span class="badge lp-low" title={t('lowResourceTitle')}>
                {t('lowResource')}
              </span>
            )}
          </li>
        ))}
      </ul>
      {matches.length === 0 && (
        <p class="muted" role="status">
          {t('noLanguageMatches', query)}
        </p>
      )}
      {onSaveSet && selected.length > 0 && (
        <div class="lp-save">
          <input
            aria-label={t('nameForLanguageSet')}
            placeholder={t('nameThisSet')}
            value={setName}
            maxLength={60}
            onInput={(e) => setSetName(e.currentTarget.value)}
            onKeyDown={(e) => {
              if (e.key !== 'Enter') return;
              e.preventDefault();
              save();
            }}
          />
          <button type="button" class="button secondary small" disabled={!setName.trim()} onClick={save}>
            {t('saveSet')}
          </button>
        </div>
      )}
    </div>
  );
}
