import type { CommandIO } from "../../command-io.js";
import { ExitCode } from "../../errors.js";
import { finalReport } from "../../walk/final-report.js";
import { openWalkStore, walkUntilDone } from "../../walk/session.js";
import { progressOf, walkItems } from "../../walk/walk-state.js";
import { walkQuestionnaire } from "../../walk/walk.js";
import { messages } from "./messages.js";
import { displayPath, type FillSession } from "./open.js";
import { resumeCommand } from "./resume.js";
import type { FillOptions } from "./run.js";
import type { StartContext } from "./start.js";

/**
 * The walk through an opened answer file: saved after every answer, then the final report. Run
 * by runFill once the opening questions are answered, and loaded only then (with the answer
 * store, the YAML writer, the audit trail and the score report).
 */
export async function walkSession(
  session: FillSession,
  options: FillOptions,
  io: CommandIO,
  base: Omit<StartContext, "questionnaire">,
): Promise<ExitCode> {
  const { lang, width, write } = base;
  const t = messages[lang];
  const questionnaire = session.questionnaire.questionnaire;
  const profile = session.answers.profile ?? questionnaire.defaultProfile;
  const items = walkItems(questionnaire, profile);
  const store = await openWalkStore(session, questionnaire, io, {
    as: options.as,
    command: "fill",
    onBackup: (backup) => write(`${t.backupMade(session.display, displayPath(backup, io.cwd))}\n`),
  });
  await store.save(session.answers);
  if (session.originalText === undefined) write(`${t.savingTo(session.display)}\n`);
  else {
    const progress = progressOf(questionnaire, items, session.answers);
    write(`${t.resuming(session.display, progress.answered, progress.total)}\n`);
  }
  write(`${t.howToStop}\n`);

  const resume = `${t.saved(session.display)}\n${t.resumeWith(resumeCommand(session.display, lang, io.env))}`;
  const finished = await walkUntilDone(
    () =>
      walkQuestionnaire(
        {
          ...base,
          questionnaire,
          profile,
          details: options.evidence,
          screen: { lang, color: io.color, width },
          save: async (answers) => void (await store.save(answers)),
        },
        session.answers,
      ),
    resume,
    write,
  );
  if (!finished) return ExitCode.Ok;
  write(await finalReport(session, finished, { lang, color: io.color, width }, io));
  write(`\n${t.savedFinal(session.display, resumeCommand(session.display, lang, io.env))}\n`);
  return ExitCode.Ok;
}
