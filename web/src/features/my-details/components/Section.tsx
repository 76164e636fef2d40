import { useId, type ReactNode } from 'react';

/**
 * One card of "Mijn gegevens" with its heading (h2); the section is named by it. `anchor` lets a link open it
 * (#notificaties from an e-mail, the page's own list of sections).
 */
export function Section({ title, className, anchor, children }: { title: string; className?: string; anchor?: string; children: ReactNode }) {
  const id = useId();
  const classes = ['card', 'page-section', 'focus-target', className].filter(Boolean).join(' ');
  // Focusable by script and by a link to it (tabIndex -1), so that the list of sections moves the focus here too.
  return (
    <section id={anchor} className={classes} aria-labelledby={id} tabIndex={anchor ? -1 : undefined}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}
