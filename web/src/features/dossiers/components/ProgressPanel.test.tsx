import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { ProgressPanel } from './ProgressPanel';
import type { Dossier } from '../../../lib/api/types';

const progress: Dossier['progress'] = {
  done: 2,
  total: 3,
  steps: [
    { title: 'Intake', done: true, doneAt: '2026-01-12T10:00:00Z' },
    { title: 'Stukken ontvangen', done: true },
    { title: 'Ondertekening', done: false },
  ],
};

describe('ProgressPanel (DOS-4)', () => {
  it('is collapsed by default and labelled "Voortgang (x/y)"', () => {
    const { container } = render(<ProgressPanel progress={progress} />);
    const toggle = screen.getByRole('button', { name: 'Voortgang (2/3)' });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    const panel = container.ownerDocument.getElementById(toggle.getAttribute('aria-controls')!);
    expect(panel?.hasAttribute('hidden')).toBe(true);
    expect(screen.queryByRole('list')).toBeNull();
    expect(screen.getByRole('heading', { level: 2, name: 'Voortgang (2/3)' })).toBeTruthy();
  });

  it('shows (0/0) and says there is no list when the dossier has no steps', async () => {
    render(<ProgressPanel progress={null} />);
    const toggle = screen.getByRole('button', { name: 'Voortgang (0/0)' });
    await userEvent.setup().click(toggle);
    expect(screen.getByText('Voor dit dossier is geen voortgangslijst beschikbaar.')).toBeTruthy();
    expect(screen.queryByRole('list')).toBeNull();
  });

  it('expands on click and lists the done and open steps', async () => {
    const { container } = render(<ProgressPanel progress={progress} />);
    const toggle = screen.getByRole('button', { name: 'Voortgang (2/3)' });
    await userEvent.setup().click(toggle);

    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    const steps = screen.getAllByRole('listitem');
    expect(steps.map((li) => li.querySelector('.step-title')?.textContent)).toEqual(['Intake', 'Stukken ontvangen', 'Ondertekening']);
    expect(container.querySelectorAll('.steps li.step-done')).toHaveLength(2);
    expect(steps[0].textContent).toContain('Afgerond op 12 januari 2026');
    expect(steps[1].textContent).toContain('Afgerond');
    expect(steps[2].className).toBe('step');
    expect(steps[2].textContent).toContain('Nog niet afgerond');

    await userEvent.setup().click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(screen.queryByRole('list')).toBeNull();
  });

  it('opens and closes with the keyboard (Enter and Space)', async () => {
    const user = userEvent.setup();
    render(<ProgressPanel progress={progress} />);
    const toggle = screen.getByRole('button', { name: 'Voortgang (2/3)' });

    await user.tab();
    expect(document.activeElement).toBe(toggle);
    await user.keyboard('{Enter}');
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(screen.getAllByRole('listitem')).toHaveLength(3);
    await user.keyboard(' ');
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
  });
});
