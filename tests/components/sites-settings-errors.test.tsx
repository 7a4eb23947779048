// @vitest-environment happy-dom
import { afterEach, describe, expect, test, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { SitesSettings } from '@/components/settings/SitesSettings';
import { DEFAULT_SETTINGS } from '@/utils/platform/storage/settings';

vi.mock('@/utils/platform/permissions', () => ({ requestAccess: () => Promise.resolve(true) }));

afterEach(cleanup);

describe('a site choice that cannot be saved says so and loses nothing', () => {
  test('adding a site whose save fails shows why and keeps the typed address', async () => {
    const noop = () => Promise.resolve();
    const failing = () => Promise.reject(new Error('Storage is full.'));
    render(<SitesSettings settings={DEFAULT_SETTINGS} onSetSite={noop} onAddCustom={failing} onRemoveCustom={noop} onPause={noop} />);
    const input = screen.getByPlaceholderText<HTMLInputElement>('http://127.0.0.1:8080');
    fireEvent.input(input, { target: { value: 'http://127.0.0.1:8080' } });
    fireEvent.click(screen.getByText('Enable', { selector: 'button' }));
    await waitFor(() => expect(document.body.textContent).toContain('This change was not saved: Storage is full. Try again.'));
    expect(input.value).toBe('http://127.0.0.1:8080');
  });
});
