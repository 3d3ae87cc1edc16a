/**
 * The structures of the Territoires partagés programme whose coaches endorse competences.
 * A shared link carries a structure as its small code instead of its name. APPEND-ONLY,
 * like the competence codes: a link made today must still read the same in five years,
 * so a code is never renumbered or reused. Code 0 means "another structure", named in full.
 */
export const STRUCTURES: readonly { code: number; name: string }[] = [
	{ code: 1, name: 'E2C Normandie' },
	{ code: 2, name: "CAP'Sport" },
	{ code: 3, name: 'La Cravate solidaire' },
	{ code: 4, name: 'Jean Bosco' }
];

export const structureCode = (name: string): number => STRUCTURES.find((s) => s.name === name)?.code ?? 0;
export const structureOfCode = (code: number): string | undefined => STRUCTURES.find((s) => s.code === code)?.name;
