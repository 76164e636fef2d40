import { useEffect, useId, useRef, useState, type ChangeEvent, type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useI18n } from '../../../i18n/I18nContext';
import { useApi, usePageTitle } from '../../../lib/hooks';
import { ApiError } from '../../../lib/api/client';
import * as portalApi from '../../../lib/api/portalApi';
import { FieldError } from '../../../components/FormField';
import { ErrorMessage } from '../../../components/Status';
import { officePath } from '../paths';
import { checkText, problemsOf, type UploadProblem } from './uploadProblems';
import { UploadErrorSummary } from './UploadErrorSummary';

/** Larger files are no questionnaire (the largest allowed definition is far smaller). */
const MAX_FILE_SIZE = 2 * 1024 * 1024;

/** Selects a line of a textarea and scrolls it into view. */
function selectLine(textarea: HTMLTextAreaElement, line: number) {
  const lines = textarea.value.split('\n');
  const start = lines.slice(0, line - 1).reduce((sum, l) => sum + l.length + 1, 0);
  const end = start + (lines[line - 1]?.length ?? 0);
  textarea.focus();
  textarea.setSelectionRange(start, end);
  const lineHeight = Number.parseFloat(getComputedStyle(textarea).lineHeight) || 20;
  textarea.scrollTop = Math.max(0, (line - 3) * lineHeight);
}

/**
 * "Nieuwe versie uploaden" (STF-5): a JSON file, or JSON pasted or edited in the text field (optionally starting from
 * an existing version, `?van=key&versie=3`). The browser checks that it is JSON; the server checks the questionnaire
 * and names the place of a mistake, shown in the office's words with its line. Stored, the new version opens.
 */
export function UploadQuestionnairePage() {
  const { t, tp } = useI18n();
  usePageTitle(t('office.upload.title'));
  const id = useId();
  const textareaId = `${id}-json`;
  const navigate = useNavigate();
  const [searchParams] = useSearchParams();
  const fromKey = searchParams.get('van') ?? '';
  const fromVersion = Number.parseInt(searchParams.get('versie') ?? '', 10);
  const from = fromKey && Number.isFinite(fromVersion) ? { key: fromKey, version: fromVersion } : undefined;

  const [text, setText] = useState('');
  const [fileNote, setFileNote] = useState('');
  const [fileError, setFileError] = useState('');
  const [problems, setProblems] = useState<UploadProblem[]>([]);
  /** The text the problems were found in (their excerpts stay as they were while the text is edited). */
  const [checkedText, setCheckedText] = useState('');
  const [conflict, setConflict] = useState(false);
  const [failure, setFailure] = useState<unknown>(undefined);
  const [sending, setSending] = useState(false);
  const [caret, setCaret] = useState({ line: 1, column: 1 });
  const [summaryFocus, setSummaryFocus] = useState(0);
  const textarea = useRef<HTMLTextAreaElement>(null);
  const summary = useRef<HTMLDivElement>(null);

  // Starting from an existing version: its JSON in the field, once.
  const start = useApi((signal) => portalApi.definitionVersion(from!.key, from!.version, signal), from ? `${from.key}/${from.version}` : null);
  const prefilled = useRef(false);
  useEffect(() => {
    if (start.data && !prefilled.current) {
      prefilled.current = true;
      setText(JSON.stringify(start.data.definition, null, 2));
    }
  }, [start.data]);

  useEffect(() => {
    if (summaryFocus > 0) summary.current?.focus();
  }, [summaryFocus]);

  const showProblems = (found: UploadProblem[]) => {
    setProblems(found);
    setCheckedText(text);
    setSummaryFocus((n) => n + 1);
  };

  const onFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    setFileNote('');
    setFileError('');
    if (!file) return;
    if (file.size > MAX_FILE_SIZE) {
      setFileError(t('office.upload.file.tooLarge'));
      return;
    }
    try {
      setText(await file.text());
      setProblems([]);
      setFailure(undefined);
      setFileNote(t('office.upload.file.loaded', { name: file.name }));
    } catch {
      setFileError(t('office.upload.file.unreadable'));
    }
  };

  const onCaret = () => {
    const field = textarea.current;
    if (!field) return;
    const before = field.value.slice(0, field.selectionStart);
    const line = before.split('\n').length;
    setCaret({ line, column: before.length - before.lastIndexOf('\n') });
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (sending) return;
    setFailure(undefined);
    setConflict(false);
    const checked = checkText(text, t);
    if (!checked.ok) {
      showProblems(checked.problems);
      return;
    }
    setSending(true);
    try {
      const stored = await portalApi.uploadQuestionnaire(checked.value);
      navigate(officePath.questionnaireVersion(stored.key, stored.version), { state: { uploaded: true } });
    } catch (error) {
      const found = problemsOf(error, checked.value, checked.places, t);
      if (found) showProblems(found);
      else {
        setProblems([]);
        if (error instanceof ApiError && error.status === 409) setConflict(true);
        else setFailure(error);
      }
    } finally {
      setSending(false);
    }
  };

  const show = (problem: UploadProblem) => {
    if (textarea.current && problem.place) selectLine(textarea.current, problem.place.line);
    else textarea.current?.focus();
  };

  const describedBy = [`${id}-hint`, problems.length > 0 && `${id}-json-error`].filter(Boolean).join(' ');

  return (
    <>
      <p className="breadcrumb">
        <Link to={officePath.questionnaires()}>
          <span aria-hidden="true">← </span>
          {t('office.definitions.back')}
        </Link>
      </p>
      <h1>{t('office.upload.title')}</h1>
      <p className="lead">{t('office.upload.intro')}</p>

      <form className="card" onSubmit={submit} noValidate>
        {problems.length > 0 && <UploadErrorSummary ref={summary} problems={problems} text={checkedText} textareaId={textareaId} onShow={show} />}
        {from && start.data && (
          <p className="alert alert-info">{t('office.upload.from', { version: start.data.version, title: start.data.definition.title })}</p>
        )}
        {from && start.error !== undefined && <ErrorMessage error={start.error} onRetry={start.reload} />}

        <div className={fileError ? 'field field-invalid' : 'field'}>
          <label htmlFor={`${id}-file`}>{t('office.upload.file')}</label>
          {fileError && (
            <p id={`${id}-file-error`} className="field-error">
              <span className="visually-hidden">{t('error.fieldPrefix')} </span>
              {fileError}
            </p>
          )}
          <input
            id={`${id}-file`}
            type="file"
            accept=".json,application/json"
            onChange={onFile}
            aria-invalid={fileError ? true : undefined}
            aria-describedby={fileError ? `${id}-file-error` : undefined}
          />
          <p className="form-status" role="status">
            {fileNote}
          </p>
        </div>

        <div className={problems.length > 0 ? 'field field-invalid' : 'field'}>
          <label htmlFor={textareaId}>{t('office.upload.json')}</label>
          <p id={`${id}-hint`} className="hint">
            {t('office.upload.json.hint')}
          </p>
          {problems.length > 0 && <FieldError id={`${id}-json-error`} text={tp('office.upload.json.invalid', problems.length)} />}
          <textarea
            ref={textarea}
            id={textareaId}
            className="json-input"
            rows={20}
            spellCheck={false}
            autoCapitalize="off"
            autoComplete="off"
            autoCorrect="off"
            value={text}
            aria-invalid={problems.length > 0 ? true : undefined}
            aria-describedby={describedBy}
            onChange={(e) => {
              setText(e.target.value);
              onCaret();
            }}
            onSelect={onCaret}
            onKeyUp={onCaret}
            onClick={onCaret}
          />
          <p className="hint json-caret">{t('office.upload.caret', caret)}</p>
        </div>

        {failure !== undefined && <ErrorMessage error={failure} />}
        {conflict && (
          <p className="alert alert-error" role="alert">
            {t('office.upload.conflict')}
          </p>
        )}
        <div className="form-actions">
          <button type="submit" className="button button-primary" aria-disabled={sending ? true : undefined}>
            {t('office.upload.submit')}
          </button>
          <Link to={officePath.questionnaires()} className="button button-secondary">
            {t('office.cancel')}
          </Link>
        </div>
        <p className="visually-hidden" role="status">
          {sending ? t('office.upload.sending') : ''}
        </p>
      </form>
    </>
  );
}
