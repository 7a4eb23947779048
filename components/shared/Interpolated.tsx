import type { ComponentChildren } from 'preact';
import { t, type MessageKey } from '@/utils/core/i18n';

// Private-use characters mark where each element goes; no translation contains them.
const marker = (i: number) => String.fromCharCode(0xe000 + i);

/**
 * A translated sentence with elements (links, code, emphasis) at its $1, $2… places, so translators keep the
 * whole sentence in one message and may move the elements.
 */
export function Interpolated({ id, parts }: { id: MessageKey; parts: ComponentChildren[] }) {
  const text = t(id, ...parts.map((_, i) => marker(i)));
  return (
    <>
      {text.split(/([\ue000-\ue0ff])/).map((piece) => {
        const index = piece.length === 1 ? piece.charCodeAt(0) - 0xe000 : -1;
        return index >= 0 && index < parts.length ? parts[index] : piece;
      })}
    </>
  );
}
