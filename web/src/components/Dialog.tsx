import { useEffect, useRef, type KeyboardEvent, type ReactNode, type RefObject } from 'react';
import { createPortal } from 'react-dom';

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/** What Tab reaches inside `root`: not what is inert, hidden or taken out of the order (a library's hidden file input). */
function focusables(root: HTMLElement): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(FOCUSABLE)].filter(
    (el) => !el.closest('[inert], [hidden]') && el.getAttribute('tabindex') !== '-1',
  );
}

/**
 * A modal dialog (WAI-ARIA dialog pattern): rendered at the end of <body>, the rest of the page is inert while it is open,
 * focus starts on `initialFocus` (or the first control), Tab and Shift+Tab stay inside, Escape and a click beside it
 * close it, and focus returns to the control that opened it (when that is still on the page; otherwise the caller
 * moves it). Use `role="alertdialog"` for a confirmation.
 */
export function Dialog({
  labelledBy,
  describedBy,
  role = 'dialog',
  onClose,
  initialFocus,
  className,
  children,
}: {
  labelledBy: string;
  describedBy?: string;
  role?: 'dialog' | 'alertdialog';
  onClose: () => void;
  initialFocus?: RefObject<HTMLElement | null>;
  className?: string;
  children: ReactNode;
}) {
  const backdrop = useRef<HTMLDivElement>(null);
  const box = useRef<HTMLDivElement>(null);
  const pressedOnBackdrop = useRef(false);

  useEffect(() => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const own = backdrop.current;
    // Everything else on the page is out of reach (and out of the accessibility tree) while the dialog is open.
    const madeInert: Element[] = [];
    for (const element of document.body.children) {
      if (element === own || element.hasAttribute('inert') || element.tagName === 'SCRIPT') continue;
      element.setAttribute('inert', '');
      madeInert.push(element);
    }
    const overflow = document.body.style.overflow;
    document.body.style.overflow = 'hidden';
    const first = initialFocus?.current ?? (box.current ? focusables(box.current)[0] : undefined) ?? box.current;
    first?.focus();
    return () => {
      for (const element of madeInert) element.removeAttribute('inert');
      document.body.style.overflow = overflow;
      if (opener?.isConnected) opener.focus();
    };
    // Once per opening; the initial focus is read when the dialog appears.
  }, []);

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key === 'Escape') {
      e.stopPropagation();
      e.preventDefault();
      onClose();
      return;
    }
    if (e.key !== 'Tab' || !box.current) return;
    const list = focusables(box.current);
    if (list.length === 0) {
      e.preventDefault();
      return;
    }
    const first = list[0];
    const last = list[list.length - 1];
    const active = document.activeElement;
    if (e.shiftKey && (active === first || active === box.current)) {
      e.preventDefault();
      last.focus();
    } else if (!e.shiftKey && active === last) {
      e.preventDefault();
      first.focus();
    }
  };

  return createPortal(
    <div
      ref={backdrop}
      className="dialog-backdrop"
      onMouseDown={(e) => {
        pressedOnBackdrop.current = e.target === e.currentTarget;
      }}
      onClick={(e) => {
        if (pressedOnBackdrop.current && e.target === e.currentTarget) onClose();
        pressedOnBackdrop.current = false;
      }}
    >
      <div
        ref={box}
        role={role}
        aria-modal="true"
        aria-labelledby={labelledBy}
        aria-describedby={describedBy}
        tabIndex={-1}
        className={className ? `dialog ${className}` : 'dialog'}
        onKeyDown={onKeyDown}
      >
        {children}
      </div>
    </div>,
    document.body,
  );
}
