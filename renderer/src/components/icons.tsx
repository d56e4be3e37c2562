/** Toolbar icons as inline SVG (no icon font to load, and they follow the text colour in every theme). */
const common = { width: 20, height: 20, viewBox: '0 0 24 24', fill: 'currentColor', 'aria-hidden': true, focusable: false } as const;

export const PlayIcon = () => (
  <svg {...common}>
    <path d="M7 4.5v15a1 1 0 0 0 1.5.86l12.5-7.5a1 1 0 0 0 0-1.72L8.5 3.64A1 1 0 0 0 7 4.5z" />
  </svg>
);

export const PauseIcon = () => (
  <svg {...common}>
    <rect x="5.5" y="4" width="4.5" height="16" rx="1" />
    <rect x="14" y="4" width="4.5" height="16" rx="1" />
  </svg>
);

export const PreviousIcon = () => (
  <svg {...common}>
    <rect x="4" y="4" width="3" height="16" rx="1" />
    <path d="M20 5v14a1 1 0 0 1-1.55.83L8.6 12.83a1 1 0 0 1 0-1.66l9.85-7A1 1 0 0 1 20 5z" />
  </svg>
);

export const NextIcon = () => (
  <svg {...common}>
    <rect x="17" y="4" width="3" height="16" rx="1" />
    <path d="M4 5v14a1 1 0 0 0 1.55.83l9.85-7a1 1 0 0 0 0-1.66l-9.85-7A1 1 0 0 0 4 5z" />
  </svg>
);

export const KeyboardIcon = () => (
  <svg {...common}>
    <path d="M3 6a2 2 0 0 0-2 2v8a2 2 0 0 0 2 2h18a2 2 0 0 0 2-2V8a2 2 0 0 0-2-2H3zm1 3h2v2H4V9zm4 0h2v2H8V9zm4 0h2v2h-2V9zm4 0h2v2h-2V9zm-12 4h2v2H4v-2zm4 0h8v2H8v-2zm10 0h2v2h-2v-2z" />
  </svg>
);

/** A quotation mark: the text as written. */
export const AsWrittenIcon = () => (
  <svg {...common}>
    <path d="M4 18v-5.5C4 8.4 6.2 5.7 10 5l.6 1.9C8.4 7.6 7.4 9 7.2 11H10v7H4zm10 0v-5.5c0-4.1 2.2-6.8 6-7.5l.6 1.9c-2.2.7-3.2 2.1-3.4 4.1H20v7h-6z" />
  </svg>
);
