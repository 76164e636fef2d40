import { useId, type ReactNode } from 'react';

/** One card of "Mijn gegevens" with its heading (h2); the section is named by it. `anchor` lets a link open it (#notificaties). */
export function Section({ title, className, anchor, children }: { title: string; className?: string; anchor?: string; children: ReactNode }) {
  const id = useId();
  return (
    <section id={anchor} className={className ? `card ${className}` : 'card'} aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}
