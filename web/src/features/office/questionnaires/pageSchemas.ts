// The JSON Schema of each page's answers, made from a definition exactly as questionnaire-service makes it
// (answers/PageSchemas.java, answers/AnswerCheck.java#schemas): the preview checks answers in the browser as the client's
// questionnaire does, without asking the server. Keep the two in step.
import type { JsonSchema, PageAnswers, Question, QuestionnairePage } from '../../../lib/api/types';

const conditionOnSamePage = (question: Question, samePage: Question[]) => samePage.some((q) => q.id === question.showIf?.question);

/**
 * The questions that can be shown, as far as answers on earlier pages decide it (a condition on this page: if/then).
 * Numbers are numbers in JavaScript, so a plain comparison is the server's (numbers compared as numbers).
 */
function visible(questions: Question[], earlier: PageAnswers): Question[] {
  return questions.filter(
    (q) => !q.showIf || conditionOnSamePage(q, questions) || earlier[q.showIf.question] === q.showIf.equals,
  );
}

function objectSchema(questions: Question[]): JsonSchema {
  const properties: JsonSchema = {};
  const required: string[] = [];
  const conditions: JsonSchema[] = [];
  for (const question of questions) {
    properties[question.id] = questionSchema(question);
    const mustBeThere = question.required || (question.type === 'group' && (question.minItems ?? 0) > 0);
    if (!mustBeThere) continue;
    if (question.showIf && conditionOnSamePage(question, questions)) {
      conditions.push({
        if: { properties: { [question.showIf.question]: { const: question.showIf.equals } }, required: [question.showIf.question] },
        then: { required: [question.id] },
      });
    } else {
      required.push(question.id);
    }
  }
  const schema: JsonSchema = { type: 'object', properties };
  if (required.length > 0) schema.required = required;
  if (conditions.length > 0) schema.allOf = conditions;
  schema.additionalProperties = false;
  return schema;
}

function questionSchema(question: Question): JsonSchema {
  const values = (question.options ?? []).map((o) => o.value);
  switch (question.type) {
    case 'shortText':
    case 'longText': {
      const schema: JsonSchema = { type: 'string' };
      if (question.required) schema.minLength = 1;
      schema.maxLength = question.maxLength ?? (question.type === 'shortText' ? 200 : 4000);
      if (question.format) schema.format = question.format;
      return schema;
    }
    case 'number':
    case 'amount': {
      const schema: JsonSchema = { type: 'number' };
      const min = question.min ?? (question.type === 'amount' ? 0 : undefined);
      if (min !== undefined) schema.minimum = min;
      if (question.max !== undefined) schema.maximum = question.max;
      return schema;
    }
    case 'date': {
      const schema: JsonSchema = { type: 'string', format: 'date' };
      if (question.minDate !== undefined || question.maxDate !== undefined) {
        const range: JsonSchema = {};
        if (question.minDate !== undefined) range.min = question.minDate;
        if (question.maxDate !== undefined) range.max = question.maxDate;
        schema.portalDateRange = range;
      }
      return schema;
    }
    case 'yesNo':
      return { type: 'boolean' };
    case 'choice':
      return { type: 'string', enum: values };
    case 'multiChoice': {
      const schema: JsonSchema = { type: 'array', items: { type: 'string', enum: values }, uniqueItems: true };
      if (question.required) schema.minItems = 1;
      return schema;
    }
    case 'group': {
      const schema: JsonSchema = { type: 'array' };
      const min = question.minItems ?? (question.required ? 1 : 0);
      if (min > 0) schema.minItems = min;
      schema.maxItems = question.maxItems ?? 20;
      schema.items = objectSchema(question.questions ?? []);
      return schema;
    }
  }
}

/** One page's schema; `earlier` holds the answers of the earlier pages by question id. */
export function pageSchema(page: QuestionnairePage, earlier: PageAnswers): JsonSchema {
  return { $schema: 'https://json-schema.org/draft/2020-12/schema', title: page.title, ...objectSchema(visible(page.questions, earlier)) };
}

/** Each page's schema as the saved answers of the pages before it shape it (what the server sends with a questionnaire). */
export function pageSchemas(pages: QuestionnairePage[], saved: { [pageId: string]: PageAnswers }): { [pageId: string]: JsonSchema } {
  const schemas: { [pageId: string]: JsonSchema } = {};
  const earlier: PageAnswers = {};
  for (const page of pages) {
    schemas[page.id] = pageSchema(page, earlier);
    Object.assign(earlier, saved[page.id] ?? {});
  }
  return schemas;
}
