// Uppy's own strings for the attachment dialog (MSG-5). Dutch starts from Uppy's nl_NL pack and English from Uppy's
// built-in English; the overrides make the labels exactly those of the manual ("Bladeren", "+ Meer toevoegen",
// "Upload 2 bestanden", "Annuleer"), address the client formally ("u") and name the dialog.
// Placeholders are Uppy's (%{name}), not the portal's ({name}).
import type { Locale } from '@uppy/core/utils';
import nl_NL from '@uppy/locales/lib/nl_NL.js';
import type { Lang } from '../../../i18n/i18n';

type Strings = Locale<0 | 1>['strings'];

const nlStrings: Strings = {
  // The dialog (role="dialog") and its close button.
  dashboardWindowTitle: 'Bijlagen toevoegen (sluiten met Escape)',
  dashboardTitle: 'Bijlagen toevoegen',
  closeModal: 'Sluiten',
  // "Bladeren" opens the file chooser; dropping files on the dialog works too.
  browseFiles: 'Bladeren',
  browse: 'Bladeren',
  dropPasteFiles: 'Sleep bestanden hierheen of klik op %{browseFiles}',
  dropHereOr: 'Sleep bestanden hierheen of klik op %{browse}',
  dropHint: 'Laat de bestanden hier los',
  // "+ Meer toevoegen": the plus is an icon; the accessible name must contain the visible words (WCAG 2.5.3).
  addMore: 'Meer toevoegen',
  addMoreFiles: 'Meer toevoegen',
  addingMoreFiles: 'Meer bestanden toevoegen',
  uploadXFiles: { 0: 'Upload %{smart_count} bestand', 1: 'Upload %{smart_count} bestanden' },
  uploadXNewFiles: { 0: 'Upload %{smart_count} bestand', 1: 'Upload %{smart_count} bestanden' },
  xFilesSelected: { 0: '%{smart_count} bestand geselecteerd', 1: '%{smart_count} bestanden geselecteerd' },
  // The black cross on a selected file; its name says which file it removes.
  removeFile: 'Verwijder bestand %{file}',
  cancel: 'Annuleer',
  cancelUpload: 'Annuleer upload',
  done: 'Klaar',
  back: 'Terug',
  myDevice: 'Mijn apparaat',
  uploadComplete: 'Upload voltooid',
  failedToUpload: '%{file} is niet geüpload',
  exceedsSize: '%{file} is groter dan de toegestane %{size}',
  aggregateExceedsSize: 'U heeft %{size} aan bestanden gekozen; maximaal %{sizeAllowed} is toegestaan',
  noDuplicates: '%{fileName} staat al in de lijst',
  youCanOnlyUploadX: { 0: 'U kunt maximaal %{smart_count} bestand toevoegen', 1: 'U kunt maximaal %{smart_count} bestanden toevoegen' },
  youCanOnlyUploadFileTypes: 'U kunt alleen deze bestandstypen toevoegen: %{types}',
  recoveredAllFiles: 'Alle bestanden zijn hersteld. U kunt de upload nu hervatten.',
};

const enStrings: Strings = {
  dashboardWindowTitle: 'Add attachments (press Escape to close)',
  dashboardTitle: 'Add attachments',
  closeModal: 'Close',
  browseFiles: 'Browse',
  browse: 'Browse',
  dropPasteFiles: 'Drag files here or click %{browseFiles}',
  dropHereOr: 'Drag files here or click %{browse}',
  addMore: 'Add more',
  addMoreFiles: 'Add more',
  uploadXFiles: { 0: 'Upload %{smart_count} file', 1: 'Upload %{smart_count} files' },
  uploadXNewFiles: { 0: 'Upload %{smart_count} file', 1: 'Upload %{smart_count} files' },
  removeFile: 'Remove file %{file}',
  cancel: 'Cancel',
  failedToUpload: '%{file} was not uploaded',
  exceedsSize: '%{file} is larger than the allowed %{size}',
  noDuplicates: '%{fileName} is already in the list',
  youCanOnlyUploadX: { 0: 'You can add at most %{smart_count} file', 1: 'You can add at most %{smart_count} files' },
  youCanOnlyUploadFileTypes: 'You can only add these file types: %{types}',
};

const englishPlural = (n: number): 0 | 1 => (n === 1 ? 0 : 1);

/** The locale for Uppy (core and Dashboard) in the portal's language. */
export function uppyLocale(lang: Lang): Locale<0 | 1> {
  return lang === 'nl'
    ? { strings: { ...nl_NL.strings, ...nlStrings }, pluralize: nl_NL.pluralize }
    : { strings: enStrings, pluralize: englishPlural };
}
