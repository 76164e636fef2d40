import { ApiError } from '../../lib/api/client';

/** The fields a 400/422 problem names (first message per field), for showing next to the fields in the office's words. */
export function fieldErrorsOf(error: unknown): Record<string, string> {
  const found: Record<string, string> = {};
  if (!(error instanceof ApiError) || (error.status !== 400 && error.status !== 422)) return found;
  for (const fieldError of error.problem?.errors ?? []) {
    if (!(fieldError.field in found)) found[fieldError.field] = fieldError.message;
  }
  return found;
}
