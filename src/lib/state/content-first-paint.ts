/**
 * Imported statically by a screen that shows content from its first paint (the experience
 * tiles): the shipped packs and the French texts of their themes join that screen's own
 * chunk, and seed the content state before it renders, in the browser and when prerendering.
 * The prerendered page then already has the tiles, with their pictograms, so they show while
 * the scripts are still on their way (on slow 4G, two seconds sooner). Only this section's
 * texts: the cards' and competences' texts follow with the full load.
 */
import { content } from './content.svelte';
import { SHIPPED_PACKS } from '../content/shipped-packs';
import experiencesFr from '../content/packs/socle/strings/fr/experiences.json?compact-strings';

content.seed(SHIPPED_PACKS, experiencesFr);
