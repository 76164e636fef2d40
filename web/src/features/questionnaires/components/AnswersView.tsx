// All answers of a questionnaire, per page: the check page ("Controleer uw antwoorden", with "Wijzigen" per page) and the
// result after completing (read-only, printable).
import { Link } from 'react-router';
import { useI18n } from '../../../i18n/I18nContext';
import { formatDate } from '../../../i18n/i18n';
import { visibleInSaved } from '../lib/answers';
import { formatAmount, formatDecimal } from '../lib/numbers';
import type { AnswerValue, Assignment, PageAnswers, Question } from '../../../lib/api/types';

function AnswerText({ question, value }: { question: Question; value: AnswerValue | undefined }) {
  const { t, lang } = useI18n();
  if (value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) {
    return <span className="q-not-answered">{t('q.notAnswered')}</span>;
  }
  const label = (v: string) => question.options?.find((o) => o.value === v)?.label ?? v;
  switch (question.type) {
    case 'yesNo':
      return <>{value === true ? t('q.yes') : value === false ? t('q.no') : String(value)}</>;
    case 'amount':
      return <>{typeof value === 'number' ? formatAmount(value, lang) : String(value)}</>;
    case 'number':
      return <>{typeof value === 'number' ? formatDecimal(value, lang) : String(value)}</>;
    case 'date':
      return <>{typeof value === 'string' ? formatDate(value, lang) || value : String(value)}</>;
    case 'choice':
      return <>{label(String(value))}</>;
    case 'multiChoice':
      return Array.isArray(value) ? (
        <ul className="q-answer-list">
          {(value as string[]).map((v) => (
            <li key={v}>{label(v)}</li>
          ))}
        </ul>
      ) : (
        <>{String(value)}</>
      );
    case 'longText':
      return <span className="q-long-answer">{String(value)}</span>;
    default:
      return <>{String(value)}</>;
  }
}

function AnswerRows({ questions, answers, visible, prefix }: { questions: Question[]; answers: PageAnswers; visible: Set<string>; prefix: string }) {
  const { t } = useI18n();
  return (
    <dl className="q-answers">
      {questions.map((question) => {
        const path = `${prefix}${question.id}`;
        if (!visible.has(path)) return null;
        const value = answers[question.id];
        if (question.type === 'group') {
          const blocks = Array.isArray(value) ? (value as PageAnswers[]) : [];
          const item = question.itemLabel ?? question.label;
          return (
            <div key={question.id} className="q-answer q-answer-group">
              <dt>{question.label}</dt>
              <dd>
                {blocks.length === 0 ? (
                  <span className="q-not-answered">{t('q.notAnswered')}</span>
                ) : (
                  blocks.map((block, index) => (
                    <div key={index} className="q-answer-block">
                      <h4>{t('q.group.block', { item, number: index + 1 })}</h4>
                      <AnswerRows questions={question.questions ?? []} answers={block} visible={visible} prefix={`${path}[${index}].`} />
                    </div>
                  ))
                )}
              </dd>
            </div>
          );
        }
        return (
          <div key={question.id} className="q-answer">
            <dt>{question.label}</dt>
            <dd>
              <AnswerText question={question} value={value} />
            </dd>
          </div>
        );
      })}
    </dl>
  );
}

/** The answers of every page under the page's title; `editHref` adds "Wijzigen" per page. */
export function AnswersView({ assignment, editHref }: { assignment: Pick<Assignment, 'pages' | 'answers'>; editHref?: (pageId: string) => string }) {
  const { t } = useI18n();
  const visible = visibleInSaved(assignment.pages, assignment.answers);
  return (
    <div className="q-answer-pages">
      {assignment.pages.map((page) => (
        <section key={page.id} className="q-answer-page">
          <div className="q-answer-page-head">
            <h3 id={`answers-${page.id}`}>{page.title}</h3>
            {editHref && (
              <Link to={editHref(page.id)} className="q-edit">
                {t('q.check.edit')} <span className="visually-hidden">{t('q.check.editLabel', { page: page.title })}</span>
              </Link>
            )}
          </div>
          <AnswerRows questions={page.questions} answers={assignment.answers[page.id] ?? {}} visible={visible.get(page.id) ?? new Set()} prefix="" />
        </section>
      ))}
    </div>
  );
}
