import { useEffect, useState } from 'preact/hooks';
import { t } from '@/utils/core/i18n';

export interface AnnotationsProps {
  tags: string[];
  note: string;
  onSave: (patch: { tags?: string[]; note?: string }) => void;
}

const parseTags = (text: string) =>
  text
    .split(',')
    .map((t) => t.trim())
    .filter(Boolean);

/** Tags (comma-separated) and a note for one comparison, saved when the field loses focus or on Enter. */
export function Annotations({ tags, note, onSave }: AnnotationsProps) {
  const [tagText, setTagText] = useState(tags.join(', '));
  const [noteText, setNoteText] = useState(note);
  useEffect(() => setTagText(tags.join(', ')), [tags.join(',')]);
  useEffect(() => setNoteText(note), [note]);
  const saveTags = () => {
    if (parseTags(tagText).join(',') !== tags.join(',')) onSave({ tags: parseTags(tagText) });
  };
  const saveNote = () => {
    if (noteText !== note) onSave({ note: noteText });
  };
  return (
    <details class="annotations" open={Boolean(tags.length || note)}>
      <summary>{tags.length ? t('tagsAndNoteWith', tags.join(', ')) : t('tagsAndNote')}</summary>
      <label>
        {t('tags')} <span class="muted">{t('commaSeparated')}</span>
        <input
          value={tagText}
          onInput={(e) => setTagText(e.currentTarget.value)}
          onBlur={saveTags}
          onKeyDown={(e) => e.key === 'Enter' && saveTags()}
          placeholder={t('tagsPlaceholder')}
        />
      </label>
      <label>
        {t('note')}
        <textarea
          rows={2}
          dir="auto"
          value={noteText}
          onInput={(e) => setNoteText(e.currentTarget.value)}
          onBlur={saveNote}
          placeholder={t('notePlaceholder')}
        />
      </label>
    </details>
  );
}
