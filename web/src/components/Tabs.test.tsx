import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { Tabs } from './Tabs';

const TABS = [
  { id: 'a', label: 'Correspondentie' },
  { id: 'b', label: 'Documenten' },
  { id: 'c', label: 'Door mij aangeleverd' },
  { id: 'd', label: 'Berichten' },
];

function Example() {
  const [selected, setSelected] = useState('a');
  return (
    <Tabs tabs={TABS} selected={selected} onSelect={setSelected} label="Dossier" idPrefix="t">
      <p>Inhoud van {selected}</p>
    </Tabs>
  );
}

const tab = (name: string) => screen.getByRole('tab', { name });
const selected = () => screen.getByRole('tab', { selected: true });

describe('Tabs (WAI-ARIA tabs pattern)', () => {
  it('moves with Left/Right (wrapping), Home and End; focus and selection go together', async () => {
    const user = userEvent.setup();
    render(<Example />);
    await user.tab();
    expect(document.activeElement).toBe(tab('Correspondentie'));

    await user.keyboard('{ArrowRight}');
    expect(selected()).toBe(tab('Documenten'));
    expect(document.activeElement).toBe(tab('Documenten'));
    await user.keyboard('{End}');
    expect(document.activeElement).toBe(tab('Berichten'));
    await user.keyboard('{ArrowRight}');
    expect(document.activeElement).toBe(tab('Correspondentie'));
    await user.keyboard('{ArrowLeft}');
    expect(selected()).toBe(tab('Berichten'));
    await user.keyboard('{Home}');
    expect(selected()).toBe(tab('Correspondentie'));
  });

  it('keeps only the selected tab in the Tab order; Tab goes on to the panel, which the tab names', async () => {
    const user = userEvent.setup();
    render(<Example />);
    expect(screen.getAllByRole('tab').map((t) => t.tabIndex)).toEqual([0, -1, -1, -1]);
    await user.click(tab('Door mij aangeleverd'));
    expect(screen.getAllByRole('tab').map((t) => t.tabIndex)).toEqual([-1, -1, 0, -1]);
    await user.tab();
    const panel = screen.getByRole('tabpanel', { name: 'Door mij aangeleverd' });
    expect(document.activeElement).toBe(panel);
    expect(panel.textContent).toBe('Inhoud van c');
    expect(tab('Door mij aangeleverd').getAttribute('aria-controls')).toBe(panel.id);
  });
});
