/** A YAML parse error as a sentence in the user's language: the yaml library's own words are English and technical. */
import type { YAMLError } from 'yaml';
import { hasMessage, t } from './i18n/index.js';

export function yamlProblem(error: Pick<YAMLError, 'code'>): string {
  const id = `yaml.${error.code}`;
  return hasMessage(id) ? t(id) : t('yaml.problem', { code: error.code });
}
