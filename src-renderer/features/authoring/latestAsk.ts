// A preview asked for while the form may still change: only the latest question's answer (or error)
// is shown, so a slow answer to an older question never stands for what Write would write.
import { asError, type ShownError } from '../../api/client';

export type Answered<Answer> = { answer: Answer; error?: undefined } | { answer?: undefined; error: ShownError };

export function latestAsk<Question, Answer>(ask: (question: Question) => Promise<Answer>, show: (answered: Answered<Answer>) => void) {
  let asked: Question | undefined;
  return {
    async ask(question: Question): Promise<void> {
      asked = question;
      try {
        const answer = await ask(question);
        if (asked === question) show({ answer });
      } catch (error) {
        if (asked === question) show({ error: asError(error) });
      }
    },
    /** The form changed or the dialog closed: an answer still on its way is dropped. */
    forget(): void {
      asked = undefined;
    },
  };
}
