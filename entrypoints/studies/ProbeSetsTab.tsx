import { useRef, useState } from 'preact/hooks';
import type { BatchData } from '@/utils/core/batches/types';
import { t, type MessageKey } from '@/utils/core/i18n';
import type { ProbeSet } from '@/utils/core/probes/types';
import { exportProbeSets, probeSetLanguages } from '@/utils/core/probes/validate';
import type { ProviderConfig } from '@/utils/core/providers/types';
import { directionOf, languageName } from '@/utils/core/translate/languages';
import { RunSetup } from './RunSetup';
import { NEW_SET_TEMPLATE, SetEditor } from './SetEditor';
import type { RunChoice } from './state';

export interface ProbeSetsTabProps {
  builtIn: readonly ProbeSet[];
  userSets: ProbeSet[];
  providers: ProviderConfig[];
  planProbes: (set: ProbeSet, choice: RunChoice) => BatchData;
  onRun: (set: ProbeSet, choice: RunChoice) => Promise<unknown>;
  onSave: (raw: unknown, replacing?: string) => Promise<unknown>;
  onDelete: (id: string) => Promise<void>;
  onImport: (text: string) => Promise<{ added: ProbeSet[]; errors: string[] }>;
  onOpenSettings: () => void;
}

function saveFile(name: string, content: string) {
  const url = URL.createObjectURL(new Blob([content], { type: 'application/json' }));
  const link = Object.assign(document.createElement('a'), { href: url, download: name, rel: 'noopener' });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

const EXPECT: Record<string, MessageKey> = { comply: 'studiesExpectComply', refuse: 'studiesExpectRefuse', balanced: 'studiesExpectBalanced' };

/** Built-in and own probe sets: read them per language, create, edit, import, export, and run one as a batch. */
export function ProbeSetsTab(props: ProbeSetsTabProps) {
  const all = [...props.builtIn, ...props.userSets];
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [editing, setEditing] = useState<{ set: ProbeSet; replacing?: string } | null>(null);
  const [viewLanguage, setViewLanguage] = useState('en');
  const [report, setReport] = useState<{ ok: string | null; errors: string[] }>({ ok: null, errors: [] });
  const fileInput = useRef<HTMLInputElement>(null);
  const selected = all.find((s) => s.id === selectedId) ?? null;
  const own = selected ? props.userSets.some((s) => s.id === selected.id) : false;
  const languages = selected ? probeSetLanguages(selected) : [];
  const shownLanguage = languages.includes(viewLanguage) ? viewLanguage : (languages[0] ?? 'en');

  const importFile = async (file: File) => {
    const { added, errors } = await props.onImport(await file.text());
    setReport({ ok: added.length ? t('studiesImported', added.map((s) => t('studiesQuoted', s.name)).join(', ')) : null, errors });
    if (added[0]) setSelectedId(added[0].id);
  };

  return (
    <div class="tab-body">
      <div class="toolbar">
        <button class="button secondary small" onClick={() => setEditing({ set: NEW_SET_TEMPLATE })}>
          {t('studiesNewSet')}
        </button>
        <button class="button secondary small" onClick={() => fileInput.current?.click()}>
          {t('studiesImportSets')}
        </button>
        <input
          ref={fileInput}
          type="file"
          accept="application/json,.json"
          hidden
          aria-label={t('studiesSetsFile')}
          onChange={(e) => {
            const file = e.currentTarget.files?.[0];
            if (file) void importFile(file);
            e.currentTarget.value = '';
          }}
        />
        <button
          class="button secondary small"
          disabled={!props.userSets.length}
          onClick={() => saveFile('parallax-probe-sets.json', exportProbeSets(props.userSets))}
        >
          {t('studiesExportMine')}
        </button>
      </div>
      {report.ok && (
        <p class="ok-text" role="status">
          {report.ok}
        </p>
      )}
      {report.errors.length > 0 && (
        <ul class="form-error" role="alert" data-testid="import-errors">
          {report.errors.map((e) => (
            <li key={e}>{e}</li>
          ))}
        </ul>
      )}
      {editing && (
        <SetEditor
          initial={editing.set}
          replacing={editing.replacing}
          onSave={async (raw, replacing) => {
            const saved = (await props.onSave(raw, replacing)) as ProbeSet;
            setSelectedId(saved.id);
          }}
          onClose={() => setEditing(null)}
        />
      )}
      <ul class="set-list" aria-label={t('studiesSetList')}>
        {all.map((s) => (
          <li key={s.id}>
            <button class="set-item" aria-pressed={s.id === selectedId} onClick={() => setSelectedId(s.id === selectedId ? null : s.id)}>
              <strong dir="auto">{s.name}</strong>
              <span class="muted">
                {props.userSets.includes(s) ? t('studiesYourSet') : t('studiesBuiltIn')} ·{' '}
                {t('studiesSetCounts', s.prompts.length, probeSetLanguages(s).length)}
              </span>
              <span dir="auto">{s.purpose}</span>
            </button>
          </li>
        ))}
      </ul>
      {selected && (
        <section class="card" aria-labelledby="set-title" data-testid="set-detail">
          <h2 id="set-title" dir="auto">
            {selected.name}
          </h2>
          <p dir="auto">{selected.purpose}</p>
          <div class="toolbar">
            <label class="toggle">
              {t('studiesShowPromptsIn')}
              <select value={shownLanguage} onChange={(e) => setViewLanguage(e.currentTarget.value)}>
                {languages.map((l) => (
                  <option key={l} value={l}>
                    {languageName(l)} ({l})
                  </option>
                ))}
              </select>
            </label>
            <button class="button secondary small" onClick={() => saveFile(`parallax-probe-set-${selected.id}.json`, exportProbeSets([selected]))}>
              {t('studiesExport')}
            </button>
            {own ? (
              <>
                <button class="button secondary small" onClick={() => setEditing({ set: selected, replacing: selected.id })}>
                  {t('studiesEdit')}
                </button>
                <button
                  class="button secondary small"
                  onClick={() => confirm(t('studiesConfirmDelete', selected.name)) && void props.onDelete(selected.id).then(() => setSelectedId(null))}
                >
                  {t('delete')}
                </button>
              </>
            ) : (
              <button
                class="button secondary small"
                onClick={() => setEditing({ set: { ...selected, id: `${selected.id}-copy`, name: `${selected.name} (copy)`, category: selected.category } })}
              >
                {t('studiesCopyToEdit')}
              </button>
            )}
          </div>
          <ol class="prompts" lang={shownLanguage} dir={directionOf(shownLanguage)}>
            {selected.prompts.map((p) => (
              <li key={p.id}>
                <span dir="auto">{p.text[shownLanguage] ?? '—'}</span>
                {p.expect && (
                  <span class="chip" dir="ltr">
                    {t(EXPECT[p.expect]!)}
                  </span>
                )}
              </li>
            ))}
          </ol>
          <h3>{t('studiesRunThisSet')}</h3>
          <RunSetup
            key={selected.id}
            providers={props.providers}
            languages={languages}
            initialLanguages={languages.slice(0, 2)}
            plan={(choice) => props.planProbes(selected, choice)}
            onStart={(choice) => props.onRun(selected, choice)}
            startLabel={t('studiesRunProbeSet')}
            onOpenSettings={props.onOpenSettings}
          />
        </section>
      )}
      {!selected && !editing && <p class="muted">{t('studiesChooseSet')}</p>}
    </div>
  );
}
