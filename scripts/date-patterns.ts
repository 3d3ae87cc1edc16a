/** Writes src/lib/i18n/date-patterns.json from ICU (see scripts/lib/date-patterns.ts). */
import { writeFileSync } from 'node:fs';
import { datePatterns } from './lib/date-patterns';

writeFileSync('src/lib/i18n/date-patterns.json', JSON.stringify(datePatterns()) + '\n');
console.log('src/lib/i18n/date-patterns.json written');
