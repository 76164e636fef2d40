import type { Dossier } from '../../lib/api/types';

/** "(x/y)" behind "Voortgang" (DOS-4); "(0/0)" when the dossier has no progress list. */
export function progressCounts(progress: Dossier['progress']): { done: number; total: number } {
  if (!progress) return { done: 0, total: 0 };
  const steps = progress.steps ?? [];
  const total = Number.isFinite(progress.total) ? progress.total : steps.length;
  const done = Number.isFinite(progress.done) ? progress.done : steps.filter((s) => s.done).length;
  return { done: Math.max(0, Math.min(done, total)), total: Math.max(0, total) };
}

export function progressLabel(label: string, progress: Dossier['progress']): string {
  const { done, total } = progressCounts(progress);
  return `${label} (${done}/${total})`;
}
