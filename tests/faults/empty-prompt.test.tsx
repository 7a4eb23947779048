// @vitest-environment happy-dom
import { afterEach, describe, expect, test, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { PromptBox } from '@/components/sidepanel/PromptBox';
import { watchSubmits, type SubmittedPrompt } from '@/utils/platform/capture/submit';
import { generic } from '@/utils/core/sites/generic';

/** An empty prompt is ignored where it is typed: in the panel and on a chat page. */

afterEach(cleanup);
const EMPTY = ['', '   ', '\n\n\t', '\u200B\u200B', '\u202E\u200E \u2060'];

describe('the panel prompt box', () => {
  test.each(EMPTY.map((t) => [JSON.stringify(t), t]))('%s cannot be sent, by button or by Ctrl+Enter', async (_name, text) => {
    const onSubmit = vi.fn<(text: string) => Promise<undefined>>(async () => undefined);
    render(<PromptBox onSubmit={onSubmit} />);
    const box = screen.getByLabelText('Prompt to compare');
    fireEvent.input(box, { target: { value: text } });
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Compare' }).disabled).toBe(true);
    fireEvent.keyDown(box, { key: 'Enter', ctrlKey: true });
    fireEvent.submit(box.closest('form')!);
    await new Promise((r) => setTimeout(r, 10));
    expect(onSubmit).not.toHaveBeenCalled();
  });

  test('a real prompt is sent (the control)', async () => {
    const onSubmit = vi.fn<(text: string) => Promise<undefined>>(async () => undefined);
    render(<PromptBox onSubmit={onSubmit} />);
    const box = screen.getByLabelText('Prompt to compare');
    fireEvent.input(box, { target: { value: '\u200BIs tea healthy?' } });
    fireEvent.keyDown(box, { key: 'Enter', ctrlKey: true });
    await waitFor(() => expect(onSubmit.mock.calls[0]?.[0]).toBe('\u200BIs tea healthy?'));
  });
});

describe('capture on a chat page', () => {
  function page() {
    document.body.replaceChildren();
    const form = document.createElement('form');
    const composer = document.createElement('textarea');
    const send = Object.assign(document.createElement('button'), { type: 'submit', textContent: 'Send' });
    form.append(composer, send);
    document.body.append(form);
    const prompts: SubmittedPrompt[] = [];
    let clock = 0;
    const stop = watchSubmits(document, generic, (p) => prompts.push(p), { now: () => (clock += 10_000), trusted: () => true });
    return { composer, send, prompts, stop };
  }

  test.each(['', '   ', '\n\n\t'].map((t) => [JSON.stringify(t), t]))('%s sent with Enter or the button is not picked up', (_name, text) => {
    const { composer, send, prompts, stop } = page();
    composer.value = text;
    composer.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true }));
    send.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true }));
    expect(prompts).toEqual([]);
    composer.value = 'What now?';
    composer.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true }));
    expect(prompts.map((p) => p.text)).toEqual(['What now?']);
    stop();
  });
});
