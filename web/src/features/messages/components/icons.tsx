// Line icons (decorative: callers give them a text alternative or hide them from assistive technology).
const common = {
  width: 24,
  height: 24,
  viewBox: '0 0 24 24',
  fill: 'none',
  stroke: 'currentColor',
  strokeWidth: 1.8,
  strokeLinecap: 'round' as const,
  strokeLinejoin: 'round' as const,
  'aria-hidden': true,
  focusable: false,
};

/** Incoming (from the office): a tray with an arrow coming in. */
export function IncomingIcon() {
  return (
    <svg {...common}>
      <path d="M4 13v5a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2v-5" />
      <path d="M4 13h4l1.5 2.5h5L16 13h4" />
      <path d="M12 3v8M8.5 7.5 12 11l3.5-3.5" />
    </svg>
  );
}

/** Outgoing (from the client): a paper plane. */
export function OutgoingIcon() {
  return (
    <svg {...common}>
      <path d="M21 3 10 14" />
      <path d="M21 3 14.5 21l-4.5-7-7-4.5z" />
    </svg>
  );
}

export function PaperclipIcon({ size = 16 }: { size?: number }) {
  return (
    <svg {...common} width={size} height={size}>
      <path d="m20.5 11.5-8.3 8.3a5 5 0 0 1-7.1-7.1l8.3-8.3a3.3 3.3 0 0 1 4.7 4.7l-8.3 8.3a1.7 1.7 0 0 1-2.4-2.4l7.6-7.6" />
    </svg>
  );
}

export function FileIcon() {
  return (
    <svg {...common} width={20} height={20}>
      <path d="M14 3H7a2 2 0 0 0-2 2v14a2 2 0 0 0 2 2h10a2 2 0 0 0 2-2V8z" />
      <path d="M14 3v5h5" />
    </svg>
  );
}

/** The trash bin that removes an attached file before sending. */
export function TrashIcon() {
  return (
    <svg {...common} width={20} height={20}>
      <path d="M4 7h16M10 11v6M14 11v6" />
      <path d="M6 7l1 12a2 2 0 0 0 2 2h6a2 2 0 0 0 2-2l1-12" />
      <path d="M9 7V4h6v3" />
    </svg>
  );
}

export function CheckIcon() {
  return (
    <svg {...common} width={16} height={16} strokeWidth={2.2}>
      <path d="m5 12.5 4.5 4.5L19 7.5" />
    </svg>
  );
}
