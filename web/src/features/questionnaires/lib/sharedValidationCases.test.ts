// The answer-validation cases that questionnaire-service runs too (SharedValidationCasesTest): made from the real
// questionnaires of scripts/questionnaires/ and the hand-written edge cases by scripts/questionnaires/validation-cases.sh.
// Every case gives the same errors here as on the server, so a rule changed on one side only fails a build.
import { describe, expect, it } from 'vitest';
import type { AnswerError, JsonSchema, Question } from '../../../lib/api/types';
import { SHARED_VALIDATION_CASES as FILE } from '../../../test/questionnaires';
import { evaluate } from './answers';
import { AnswerValidator } from './validation';

/** One error as text, as the Java test writes it; a limit as a plain number (1.0 and 1 are the same limit). */
const key = (e: Pick<AnswerError, 'field' | 'code' | 'format' | 'limit'>) =>
  [e.field, e.code, e.format, e.limit === undefined ? undefined : String(e.limit)].filter((part) => part !== undefined).join(' ');

describe('the shared answer-validation cases (scripts/questionnaires/validation-cases.json)', () => {
  const validator = new AnswerValidator({ today: () => FILE.today, warn: () => undefined });

  it('are there, for every page of the real questionnaire', () => {
    expect(Object.keys(FILE.schemas)).toEqual(expect.arrayContaining(['aankoop-woning/persoonlijk', 'aankoop-woning/tot-slot']));
    expect(FILE.cases.length).toBeGreaterThan(200);
  });

  it.each(FILE.cases.map((c) => [c.name, c] as const))('%s', (_, c) => {
    const schema = typeof c.schema === 'string' ? FILE.schemas[c.schema] : c.schema;
    expect(schema, String(c.schema)).toBeDefined();
    const errors = validator.errors(schema as JsonSchema, c.answers).map(key).sort();
    expect(errors, JSON.stringify(c.answers)).toEqual(c.errors.map(key).sort());
  });

  it.each(FILE.tidy.map((c) => [JSON.stringify(c.typed), c] as const))('a typed %s is kept tidied as on the server', (_, c) => {
    const question = { label: c.question.id, required: false, ...c.question } as Question;
    expect(evaluate([question], { [question.id]: c.typed }, 'nl').answers[question.id] ?? null).toBe(c.kept);
  });
});
