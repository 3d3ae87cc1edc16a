/** From "what I have lived" to the competences a round should ask about. */
import type { Experience } from './content-schema';
import type { ExperiencePick } from './records';

export function suggestedCompetences(
	experiences: readonly Experience[],
	picks: readonly ExperiencePick[]
): Set<string> {
	const byId = new Map(experiences.map((e) => [e.id, e]));
	const out = new Set<string>();
	for (const pick of picks) {
		const experience = byId.get(pick.experienceId);
		if (!experience) continue; // a theme from a pack that was removed: ignore, keep the pick
		experience.suggests.forEach((c) => out.add(c));
		for (const followUp of experience.followUps) {
			const chosen = followUp.options.find((o) => o.id === pick.followUps[followUp.id]);
			chosen?.suggests.forEach((c) => out.add(c));
		}
	}
	return out;
}
