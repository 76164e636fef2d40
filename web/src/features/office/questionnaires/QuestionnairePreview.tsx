// Loaded lazily by QuestionnaireVersionPage: the client's questionnaire code stays out of the office's chunk until a
// preview is opened.
import { useState } from 'react';
import { useI18n } from '../../../i18n/I18nContext';
import type { DefinitionVersion } from '../../../lib/api/types';
import { Questionnaire } from '../../questionnaires/components/Questionnaire';
import { officePath } from '../paths';
import { previewAssignment, previewMode } from './previewMode';

/**
 * A version of a questionnaire exactly as the client sees it, with the client's own components: pages, "Volgende"
 * (which checks the answers as for the client), the check page and the result. Nothing is saved and no API is called.
 * Mount it with a new key to start again.
 */
export default function QuestionnairePreview({ version }: { version: DefinitionVersion }) {
  const { t } = useI18n();
  const [setup] = useState(() => {
    const initial = previewAssignment(version, t('office.preview.dossierNumber'));
    return { initial, mode: previewMode(initial, { exitHref: officePath.questionnaires(), titlePrefix: `${t('office.preview.titlePrefix')} – ` }) };
  });
  return <Questionnaire initial={setup.initial} mode={setup.mode} />;
}
