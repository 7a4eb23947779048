import { useEffect, useRef } from 'preact/hooks';
import { t } from '@/utils/core/i18n';

export interface UndoToastProps {
  /** What was done ("Removed “Ollama”."). */
  message: string;
  onUndo: () => void;
  /** The time to undo is over (or the toast was dismissed): make the change final. */
  onExpire: () => void;
  /** How long Undo is offered; the clock stops while the pointer or keyboard focus is on the toast. */
  ms?: number;
}

/**
 * "Removed … · Undo" at the bottom of the page. Focus moves to Undo (the button that was clicked is gone);
 * Escape dismisses it. The clock pauses while the toast is hovered or focused, so no one is rushed.
 */
export function UndoToast({ message, onUndo, onExpire, ms = 10_000 }: UndoToastProps) {
  const button = useRef<HTMLButtonElement>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const expire = useRef(onExpire);
  expire.current = onExpire;
  const start = () => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => expire.current(), ms);
  };
  const pause = () => clearTimeout(timer.current);
  useEffect(() => {
    button.current?.focus();
    start();
    return pause;
  }, [message]);
  return (
    <div
      class="toast"
      role="status"
      data-testid="undo-toast"
      onMouseEnter={pause}
      onMouseLeave={start}
      onFocusIn={pause}
      onFocusOut={start}
      onKeyDown={(e) => {
        if (e.key !== 'Escape') return;
        pause();
        expire.current();
      }}
    >
      <span>{message}</span>
      <button
        ref={button}
        type="button"
        class="button small"
        onClick={() => {
          pause();
          onUndo();
        }}
      >
        {t('undo')}
      </button>
    </div>
  );
}
