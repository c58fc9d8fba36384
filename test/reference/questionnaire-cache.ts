import { QuestionnaireCache } from "../../src/io/load-answers.js";
import { QuestionnaireStore } from "../../src/io/questionnaire-store.js";

/**
 * A questionnaire cache as a run of kuesioner makes one: the shipped questionnaires come
 * compiled from dist/questionnaires (npm test builds first; after a change to src/ without a
 * build, their entries do not match and they are parsed from YAML as usual), any other
 * questionnaire is parsed and checked from its YAML, once per cache. In-process tests that
 * score answer files pass one instead of parsing the 145 KB smart-city questionnaires again on
 * every call (about half a second each). The tests of loading itself do not use it.
 */
export const runCache = (): QuestionnaireCache => new QuestionnaireCache(QuestionnaireStore.forRun({}));
