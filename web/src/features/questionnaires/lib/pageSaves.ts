// "Volgende" shows the next page at once and saves the page it leaves in the background (ACT-2): the click no longer
// waits for the server's answer. Saves go one after the other, in the order of the clicks, so the server always checks a
// page with the answers of the pages before it. When one fails, the ones after it are not sent: the client is taken
// back to the page that failed, and each later page is sent again with its own "Volgende".
import type { Assignment, PageAnswers } from '../../../lib/api/types';

export interface SaveOutcome {
  /** The server's questionnaire after this page was saved. */
  saved: (updated: Assignment) => void;
  /** This page was not saved (refused or not answered); the saves queued after it are dropped. */
  failed: (error: unknown) => void;
}

export class PageSaveQueue {
  private last: Promise<void> = Promise.resolve();
  /** Goes up with every failure: a save queued before it is not sent. */
  private generation = 0;
  private readonly waiting = new Map<string, PageAnswers>();

  /** Whether a save is queued or on its way. */
  get busy(): boolean {
    return this.waiting.size > 0;
  }

  /** The answers of the pages queued or on their way, by page id (the newest answers of a page saved twice). */
  pendingAnswers(): { [pageId: string]: PageAnswers } {
    return Object.fromEntries(this.waiting);
  }

  /** Runs `save` after every save queued before it has been answered, unless one of those failed. */
  enqueue(pageId: string, answers: PageAnswers, save: () => Promise<Assignment>, outcome: SaveOutcome): void {
    const generation = this.generation;
    this.waiting.set(pageId, answers);
    this.last = this.last.then(async () => {
      if (generation !== this.generation) return;
      try {
        const updated = await save();
        if (this.waiting.get(pageId) === answers) this.waiting.delete(pageId);
        outcome.saved(updated);
      } catch (error) {
        this.generation++;
        this.waiting.clear();
        outcome.failed(error);
      }
    });
  }

  /** Resolves once every save queued so far is answered: true when all of them were saved. */
  async settled(): Promise<boolean> {
    const generation = this.generation;
    await this.last;
    return generation === this.generation;
  }
}
