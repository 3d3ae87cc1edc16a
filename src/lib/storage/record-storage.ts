/**
 * What the quiz and portfolio states read and write, imported by them on first use (as the
 * session and coach states import theirs): the record schemas (zod) are built when these modules
 * load, and a screen's first task (hydration) should not pay for them.
 */
export { deleteAnswer, listAnswers, saveAnswer, saveImportedLevels } from './answers';
export { listRounds, saveRound } from './rounds';
export { listPicks, replacePicks } from './picks';
export { deleteEvidence, listEvidence, listHiddenCompetences, saveEvidence, setCompetenceHidden } from './evidence';
