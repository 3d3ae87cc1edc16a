/**
 * What the quiz and portfolio states need from storage, as one lazily loaded chunk: the record
 * schemas (zod) are built when these modules load, and a screen's first task (hydration) should
 * not pay for them. They load with the first read, in a task of their own.
 */
export { deleteAnswer, listAnswers, saveAnswer, saveImportedLevels } from './answers';
export { listRounds, saveRound } from './rounds';
export { listPicks, replacePicks } from './picks';
export { deleteEvidence, listEvidence, listHiddenCompetences, saveEvidence, setCompetenceHidden } from './evidence';
