/**
 * Imported statically by a screen that shows content from its first paint (the experience
 * tiles): the shipped themes as tiles (id and pictogram) and their French titles join that
 * screen's own script, and seed the content state before it renders, in the browser and when
 * prerendering. The prerendered page then already has the tiles, with their pictograms, so they
 * show while the scripts are still on their way (on slow 4G, two seconds sooner). Everything
 * else (the themes' questions, cards, competences, other texts) follows with the full load.
 */
import { content } from './content.svelte';
import { frenchTitles, tiles } from 'virtual:atouts-theme-tiles';

content.seed(tiles, frenchTitles);
