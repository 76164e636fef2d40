import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { I18nContext, makeI18n } from '../../../i18n/I18nContext';
import type { Lang } from '../../../i18n/i18n';
import { PHONE_QUERY } from '../../../lib/useMediaQuery';
import AttachmentDialog from './AttachmentDialog';

// jsdom has no ResizeObserver; Uppy's Dashboard watches its own size with one.
globalThis.ResizeObserver ??= class {
  observe() {}
  unobserve() {}
  disconnect() {}
};

afterEach(() => vi.unstubAllGlobals());

function phoneScreen() {
  vi.stubGlobal('matchMedia', (query: string) => ({
    matches: query === PHONE_QUERY,
    media: query,
    addEventListener: () => undefined,
    removeEventListener: () => undefined,
  }));
}

function renderDialog({ lang = 'nl', open = true }: { lang?: Lang; open?: boolean } = {}) {
  const onClose = vi.fn();
  const ui = (isOpen: boolean) => (
    <I18nContext.Provider value={makeI18n(lang, () => undefined)}>
      <button type="button">Bijlagen toevoegen</button>
      <AttachmentDialog open={isOpen} dossierId="dossier-1" remaining={10} onClose={onClose} onUploaded={vi.fn()} onRefused={vi.fn()} />
    </I18nContext.Provider>
  );
  const result = render(ui(open));
  return { onClose, rerender: (isOpen: boolean) => result.rerender(ui(isOpen)) };
}

describe('the attachment dialog looks finished (MSG-5)', () => {
  it('is a modal dialog named by its visible heading, with its close button inside the box', async () => {
    const user = userEvent.setup();
    const { onClose } = renderDialog();
    const dialog = await screen.findByRole('dialog', { name: 'Bijlagen toevoegen' });
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    expect(within(dialog).getByRole('heading', { level: 2, name: 'Bijlagen toevoegen' }).id).toBe(dialog.getAttribute('aria-labelledby'));
    // Only the portal's dialog is one: Uppy draws inline, without a dialog or a close button of its own.
    expect(screen.getAllByRole('dialog')).toHaveLength(1);
    expect(dialog.querySelector('.uppy-Dashboard-close')).toBeNull();
    const close = within(dialog).getByRole('button', { name: 'Sluiten' });
    await user.click(close);
    expect(onClose).toHaveBeenCalledTimes(1);
  });

  it('opens on "Bladeren", keeps Tab inside (Bladeren first, Sluiten last) and closes with Escape', async () => {
    const user = userEvent.setup();
    const { onClose } = renderDialog();
    const dialog = await screen.findByRole('dialog', { name: 'Bijlagen toevoegen' });
    const browse = within(dialog).getByRole('button', { name: 'Bladeren' });
    await waitFor(() => expect(document.activeElement).toBe(browse));
    await user.tab();
    expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Sluiten' }));
    await user.tab();
    expect(document.activeElement).toBe(browse);
    await user.tab({ shift: true });
    expect(document.activeElement?.textContent).toContain('Sluiten');
    await user.keyboard('{Escape}');
    expect(onClose).toHaveBeenCalledTimes(1);
  });

  it('is gone when closed, and keeps its files for the next opening', async () => {
    const user = userEvent.setup();
    const { rerender } = renderDialog();
    let dialog = await screen.findByRole('dialog', { name: 'Bijlagen toevoegen' });
    const input = dialog.querySelector<HTMLInputElement>('input[type="file"][name="files[]"]')!;
    await act(async () => user.upload(input, [new File(['x'.repeat(597)], 'brief.pdf', { type: 'application/pdf' })]));
    await within(dialog).findByRole('button', { name: 'Upload 1 bestand' });

    rerender(false);
    expect(screen.queryByRole('dialog')).toBeNull();
    rerender(true);
    dialog = await screen.findByRole('dialog', { name: 'Bijlagen toevoegen' });
    expect(within(dialog).getByText('brief.pdf')).toBeTruthy();
  });

  it("shows a file's size as the rest of the portal does (\"0,6 kB\", not \"597 B\")", async () => {
    const user = userEvent.setup();
    renderDialog();
    const dialog = await screen.findByRole('dialog', { name: 'Bijlagen toevoegen' });
    const input = dialog.querySelector<HTMLInputElement>('input[type="file"][name="files[]"]')!;
    await act(async () => user.upload(input, [new File(['x'.repeat(597)], 'brief.pdf', { type: 'application/pdf' })]));
    await waitFor(() => expect(dialog.querySelector('.uppy-Dashboard-Item-statusSize')?.textContent).toBe('0,6 kB'));
  });

  it('speaks English', async () => {
    renderDialog({ lang: 'en' });
    const dialog = await screen.findByRole('dialog', { name: 'Add attachments' });
    expect(within(dialog).getByRole('heading', { name: 'Add attachments' })).toBeTruthy();
    expect(within(dialog).getByRole('button', { name: 'Close' })).toBeTruthy();
  });

  it('leads with "Bladeren" on a phone: no "drag files here" sentence around it', async () => {
    phoneScreen();
    renderDialog();
    const dialog = await screen.findByRole('dialog', { name: 'Bijlagen toevoegen' });
    await waitFor(() => expect(dialog.querySelector('.uppy-Dashboard-AddFiles-title')?.textContent).toBe('Bladeren'));
    expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Bladeren' }));
  });
});
