import { forwardRef, type MouseEvent } from 'react';
import { useI18n } from '../../../i18n/I18nContext';
import type { UploadProblem } from './uploadProblems';

/** A few lines of the text around a line, that line marked (visibly and in words). */
function JsonExcerpt({ text, line }: { text: string; line: number }) {
  const { t } = useI18n();
  const lines = text.split('\n');
  const from = Math.max(1, line - 1);
  const to = Math.min(lines.length, line + 1);
  const width = String(to).length;
  const cut = (s: string) => (s.length > 120 ? `${s.slice(0, 119)}…` : s);
  return (
    <pre className="json-excerpt">
      {Array.from({ length: to - from + 1 }, (_, i) => from + i).map((n) => {
        const content = `${String(n).padStart(width)}  ${cut(lines[n - 1].replace(/\r$/, ''))}`;
        return n === line ? (
          <mark key={n} className="json-excerpt-line">
            <span className="visually-hidden">{t('office.upload.markedLine')} </span>
            {content}
            {'\n'}
          </mark>
        ) : (
          <span key={n} className="json-excerpt-line">
            {content}
            {'\n'}
          </span>
        );
      })}
    </pre>
  );
}

/**
 * Why the questionnaire was not stored, at the top of the form: each mistake with its place in words and in the text
 * (its line, marked), the rule, and the server's own message as detail. A link selects the line in the text field.
 * Takes the focus after a failed upload (the caller focuses it through the ref).
 */
export const UploadErrorSummary = forwardRef<
  HTMLDivElement,
  { problems: UploadProblem[]; text: string; textareaId: string; onShow: (problem: UploadProblem) => void }
>(function UploadErrorSummary({ problems, text, textareaId, onShow }, ref) {
  const { t, tp } = useI18n();
  const follow = (problem: UploadProblem) => (e: MouseEvent<HTMLAnchorElement>) => {
    e.preventDefault();
    onShow(problem);
  };
  return (
    <div ref={ref} id="upload-errors" className="error-summary focus-target" tabIndex={-1} aria-labelledby="upload-errors-title">
      <h2 id="upload-errors-title" className="error-summary-title">
        {t('office.upload.errors.title')}
      </h2>
      <p>{tp('office.upload.errors.count', problems.length)}</p>
      <ol className="upload-errors">
        {problems.map((problem, index) => (
          <li key={`${problem.field ?? ''}-${index}`}>
            <a href={`#${textareaId}`} onClick={follow(problem)}>
              {problem.where}
              {problem.place && problem.field !== undefined && ` (${t('office.upload.line', { line: problem.place.line })})`}
            </a>
            <p className="upload-error-why">{problem.why}</p>
            {(problem.field || problem.detail) && (
              <p className="hint">
                {problem.field && (
                  <>
                    {t('office.upload.path')} <code>{problem.field}</code>.{' '}
                  </>
                )}
                {problem.detail && (
                  <>
                    {t('office.upload.serverSays')} <span lang="en">{problem.detail}</span>
                  </>
                )}
              </p>
            )}
            {problem.place && <JsonExcerpt text={text} line={problem.place.line} />}
          </li>
        ))}
      </ol>
    </div>
  );
});
