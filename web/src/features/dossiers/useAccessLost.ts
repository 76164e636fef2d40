import { useEffect, useRef, useState } from 'react';
import { ApiError, onNotFound } from '../../lib/api/client';
import * as portalApi from '../../lib/api/portalApi';

/**
 * Whether the signed-in account lost its access to the open dossier while using it: when any request of the page answers
 * 404 (the next click after a grant was revoked or expired), the dossier itself is asked for once more; a 404 there too
 * means the access is gone. `watching` is false until the dossier has loaded.
 */
export function useAccessLost(dossierId: string, watching: boolean): boolean {
  const [lost, setLost] = useState<string | null>(null);
  const checking = useRef(false);

  useEffect(() => {
    if (!watching) return;
    const controller = new AbortController();
    const check = () => {
      if (checking.current || controller.signal.aborted) return;
      checking.current = true;
      portalApi.dossier(dossierId, controller.signal).then(
        () => {
          checking.current = false;
        },
        (error: unknown) => {
          checking.current = false;
          if (!controller.signal.aborted && error instanceof ApiError && error.status === 404) setLost(dossierId);
        },
      );
    };
    const stop = onNotFound(check);
    return () => {
      stop();
      controller.abort();
      checking.current = false;
    };
  }, [dossierId, watching]);

  return lost === dossierId;
}
