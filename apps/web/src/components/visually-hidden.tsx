import type { ReactNode } from 'react';

/** Read by screen readers, not drawn: the text alternative of a chart. */
export function VisuallyHidden({ children }: { children: ReactNode }) {
  return <div className="visually-hidden">{children}</div>;
}
