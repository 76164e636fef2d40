import { useCallback, useEffect, useRef, useState } from 'react';

/**
 * How long to wait before each new look at the counts while sent files are on their way to "Door mij aangeleverd":
 * document-service files them a few hundred milliseconds after the message, more when it is busy. About 20 s in all;
 * after that the files stay shown as being processed until the page is opened again.
 */
export const POLL_DELAYS_MS = [300, 600, 1000, 1500, 2000, 3000, 4000, 4000, 4000] as const;

export interface PendingDeliveries {
  /** Files sent with a message that are not counted under "Door mij aangeleverd" yet. */
  pending: number;
  /** Counts up each time sent files arrived: a new key for the list of that tab, so that it shows them. */
  arrivals: number;
  /** A polite message for screen readers: sent files are being processed, or have arrived. */
  announcement: { kind: 'pending' | 'confirmed'; count: number } | null;
  /** A message went with `files` attachments. */
  expect: (files: number) => void;
}

/**
 * Follows the files a client sent with a message until they are counted under "Door mij aangeleverd": shows them as
 * pending at once, asks for the counts again (`reload`) a few times until the delivered total has grown by as many,
 * then tells the list to load again. `total` is the tab's count as last loaded (undefined while unknown).
 */
export function usePendingDeliveries(total: number | undefined, reload: () => void): PendingDeliveries {
  // The delivered total that means "all arrived", and how many files that was.
  const [expected, setExpected] = useState<{ target: number; files: number } | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [arrivals, setArrivals] = useState(0);
  const [lastArrived, setLastArrived] = useState(0);
  const totalRef = useRef(total);
  useEffect(() => {
    totalRef.current = total;
  }, [total]);

  const pending = expected ? Math.max(0, expected.target - (total ?? 0)) : 0;
  const arrived = expected !== null && total !== undefined && pending === 0;

  useEffect(() => {
    if (!arrived || !expected) return;
    setLastArrived(expected.files);
    setExpected(null);
    setArrivals((n) => n + 1);
  }, [arrived, expected]);

  useEffect(() => {
    if (!expected || arrived || attempt >= POLL_DELAYS_MS.length) return;
    const timer = window.setTimeout(() => {
      setAttempt((n) => n + 1);
      reload();
    }, POLL_DELAYS_MS[attempt]);
    return () => window.clearTimeout(timer);
  }, [expected, arrived, attempt, reload]);

  const expect = useCallback((files: number) => {
    if (files <= 0) return;
    setExpected((current) =>
      current ? { target: current.target + files, files: current.files + files } : { target: (totalRef.current ?? 0) + files, files },
    );
    setAttempt(0);
  }, []);

  const announcement: PendingDeliveries['announcement'] = expected
    ? { kind: 'pending', count: expected.files }
    : lastArrived > 0
      ? { kind: 'confirmed', count: lastArrived }
      : null;
  return { pending, arrivals, announcement, expect };
}
