import { useId, useRef, useState, type DragEvent, type FormEvent } from 'react';
import { useI18n } from '../../../i18n/I18nContext';
import { formatFileSize } from '../../../i18n/i18n';
import { ApiError } from '../../../lib/api/client';
import * as portalApi from '../../../lib/api/portalApi';
import { createUppy, refusalDetail } from '../../../lib/tusUploads';
import { FieldError } from '../../../components/FormField';

type Category = 'CORRESPONDENCE' | 'DOCUMENT';
type State = 'ready' | 'busy' | 'published' | 'failed';

interface Chosen {
  key: string;
  file: File;
  title: string;
  category: Category;
  state: State;
  reason?: string;
}

let nextKey = 0;
const titleOf = (name: string) => name.replace(/\.[^.]+$/, '').replace(/[_-]+/g, ' ').trim() || name;

/**
 * "Documenten publiceren": several files at once, dropped or chosen, each with its own title and category; uploaded
 * resumably (tus, as the client's attachments) and published one by one, so a file that fails leaves the others
 * published and says why.
 */
export function PublishDocuments({ dossierId, onPublished }: { dossierId: string; onPublished: () => void }) {
  const { t, lang } = useI18n();
  const id = useId();
  const [chosen, setChosen] = useState<Chosen[]>([]);
  const [dragging, setDragging] = useState(false);
  const [missingTitles, setMissingTitles] = useState(false);
  const [summary, setSummary] = useState('');
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  const add = (files: FileList | null) => {
    if (!files || files.length === 0) return;
    setSummary('');
    setChosen((all) => [
      ...all.filter((c) => c.state !== 'published'),
      ...[...files].map((file) => ({ key: `f${nextKey++}`, file, title: titleOf(file.name), category: 'DOCUMENT' as Category, state: 'ready' as State })),
    ]);
  };
  const change = (key: string, patch: Partial<Chosen>) => setChosen((all) => all.map((c) => (c.key === key ? { ...c, ...patch } : c)));

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    add(e.dataTransfer.files);
  };

  const publishAll = async (e: FormEvent) => {
    e.preventDefault();
    const waiting = chosen.filter((c) => c.state === 'ready' || c.state === 'failed');
    const noTitle = waiting.some((c) => !c.title.trim());
    setMissingTitles(noTitle);
    if (waiting.length === 0 || noTitle) return;
    setBusy(true);
    setSummary('');
    const uppy = createUppy(dossierId, `office-documents-${id}`);
    const byUppyId = new Map<string, Chosen>();
    for (const c of waiting) {
      change(c.key, { state: 'busy', reason: undefined });
      const uppyId = uppy.addFile({ name: c.file.name, type: c.file.type || 'application/octet-stream', data: c.file, source: 'office' });
      byUppyId.set(uppyId, c);
    }
    const results: Promise<boolean>[] = [];
    uppy.on('upload-success', (file, response) => {
      const c = file && byUppyId.get(file.id);
      if (!c) return;
      const uploadId = portalApi.uploadIdFromUrl(response.uploadURL ?? '');
      results.push(
        (async () => {
          try {
            if (!uploadId) throw new ApiError(0);
            await portalApi.publishUpload(dossierId, uploadId, c.title.trim(), c.category);
            change(c.key, { state: 'published' });
            return true;
          } catch (err) {
            const detail = err instanceof ApiError ? err.problem?.detail : undefined;
            change(c.key, { state: 'failed', reason: detail ?? t('error.generic') });
            return false;
          }
        })(),
      );
    });
    uppy.on('upload-error', (file, error) => {
      const c = file && byUppyId.get(file.id);
      if (c) change(c.key, { state: 'failed', reason: refusalDetail(error) ?? t('error.network') });
    });
    const outcome = await uppy.upload();
    const published = (await Promise.all(results)).filter(Boolean).length;
    uppy.destroy();
    setBusy(false);
    setSummary(t('office.publish.summary', { published, total: waiting.length }));
    if (published > 0) onPublished();
    return outcome;
  };

  return (
    <section className="card" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t('office.publish.heading')}</h2>
      <div
        className={dragging ? 'drop-zone drop-zone-active' : 'drop-zone'}
        data-testid="drop-zone"
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        <p>{t('office.publish.drop')}</p>
        <input
          ref={input}
          id={`${id}-files`}
          type="file"
          multiple
          className="visually-hidden"
          onChange={(e) => {
            add(e.target.files);
            e.target.value = '';
          }}
        />
        <label htmlFor={`${id}-files`} className="button button-secondary">
          {t('office.publish.choose')}
        </label>
      </div>

      {chosen.length > 0 && (
        <form onSubmit={publishAll} noValidate>
          {missingTitles && <FieldError id={`${id}-titles`} text={t('office.publish.title.missing')} />}
          <ul className="publish-list">
            {chosen.map((c) => (
              <li key={c.key} className={`publish-item publish-${c.state}`}>
                <span className="publish-file">
                  {c.file.name} <span className="muted">({formatFileSize(c.file.size, lang)})</span>
                </span>
                <label className="visually-hidden" htmlFor={`${id}-${c.key}-title`}>
                  {t('office.publish.title', { file: c.file.name })}
                </label>
                <input
                  id={`${id}-${c.key}-title`}
                  type="text"
                  maxLength={200}
                  value={c.title}
                  disabled={c.state === 'busy' || c.state === 'published'}
                  aria-invalid={missingTitles && !c.title.trim() ? true : undefined}
                  onChange={(e) => change(c.key, { title: e.target.value })}
                />
                <label className="visually-hidden" htmlFor={`${id}-${c.key}-category`}>
                  {t('office.publish.category', { file: c.file.name })}
                </label>
                <select
                  id={`${id}-${c.key}-category`}
                  value={c.category}
                  disabled={c.state === 'busy' || c.state === 'published'}
                  onChange={(e) => change(c.key, { category: e.target.value as Category })}
                >
                  <option value="CORRESPONDENCE">{t('office.documents.correspondence')}</option>
                  <option value="DOCUMENT">{t('office.documents.documents')}</option>
                </select>
                <span className="publish-state" role="status">
                  {c.state === 'published'
                    ? t('office.publish.published')
                    : c.state === 'busy'
                      ? t('office.publish.busy')
                      : c.state === 'failed'
                        ? t('office.publish.failed', { reason: c.reason ?? '' })
                        : ''}
                </span>
                {(c.state === 'ready' || c.state === 'failed') && (
                  <button type="button" className="button button-secondary button-small" onClick={() => setChosen((all) => all.filter((x) => x.key !== c.key))}>
                    {t('office.progress.remove')}
                    <span className="visually-hidden"> {c.file.name}</span>
                  </button>
                )}
              </li>
            ))}
          </ul>
          <div className="form-actions">
            <button type="submit" className="button button-primary" disabled={busy}>
              {t('office.publish.submit')}
            </button>
            <span className="form-status" role="status">
              {summary}
            </span>
          </div>
        </form>
      )}
    </section>
  );
}
