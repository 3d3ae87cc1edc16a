/**
 * Arabic letters change shape with their neighbours. A PDF draws glyphs, not text, so the
 * shaping is done here: each letter becomes its contextual form from Unicode's Arabic
 * Presentation Forms (which Noto Sans Arabic maps), lam + alef becomes the obligatory
 * ligature, and marks (shadda, harakat) stay attached to their letter. Each cluster keeps
 * the text it came from, so copying text out of the PDF gives back the original letters.
 * This is Unicode's joining algorithm (ArabicShaping.txt) for the letters of Arabic and
 * Persian; an unknown letter is drawn as it is.
 */

export interface Cluster {
	/** The code point to draw. */
	cp: number;
	/** Combining marks drawn over it. */
	marks: number[];
	/** The text this cluster stands for (logical order). */
	text: string;
}

// letter → [isolated, final, initial, medial]; two forms = right-joining only.
const FORMS = new Map<number, number[]>();
const dual = (cp: number, first: number) => FORMS.set(cp, [first, first + 1, first + 2, first + 3]);
const right = (cp: number, first: number) => FORMS.set(cp, [first, first + 1]);
FORMS.set(0x0621, [0xfe80]);
right(0x0622, 0xfe81);
right(0x0623, 0xfe83);
right(0x0624, 0xfe85);
right(0x0625, 0xfe87);
dual(0x0626, 0xfe89);
right(0x0627, 0xfe8d);
dual(0x0628, 0xfe8f);
right(0x0629, 0xfe93);
for (let i = 0; i < 5; i++) dual(0x062a + i, 0xfe95 + i * 4); // ت ث ج ح خ
for (let i = 0; i < 4; i++) right(0x062f + i, 0xfea9 + i * 2); // د ذ ر ز
for (let i = 0; i < 8; i++) dual(0x0633 + i, 0xfeb1 + i * 4); // س ش ص ض ط ظ ع غ
for (let i = 0; i < 7; i++) dual(0x0641 + i, 0xfed1 + i * 4); // ف ق ك ل م ن ه
right(0x0648, 0xfeed);
right(0x0649, 0xfeef);
dual(0x064a, 0xfef1);
dual(0x067e, 0xfb56); // Persian pe
dual(0x0686, 0xfb7a); // che
right(0x0698, 0xfb8a); // zhe
dual(0x06a9, 0xfb8e); // keheh
dual(0x06af, 0xfb92); // gaf
dual(0x06cc, 0xfbfc); // Farsi yeh

const LAM = 0x0644;
// alef variant → lam-alef ligature [isolated, final]
const LAM_ALEF = new Map([
	[0x0622, 0xfef5],
	[0x0623, 0xfef7],
	[0x0625, 0xfef9],
	[0x0627, 0xfefb]
]);
const TATWEEL = 0x0640;

export function isArabicMark(cp: number): boolean {
	return (
		(cp >= 0x064b && cp <= 0x065f) ||
		cp === 0x0670 ||
		(cp >= 0x06d6 && cp <= 0x06dc) ||
		(cp >= 0x06df && cp <= 0x06e4) ||
		cp === 0x06e7 ||
		cp === 0x06e8 ||
		(cp >= 0x06ea && cp <= 0x06ed)
	);
}

type Joining = 'D' | 'R' | 'C' | 'U';
function joining(cp: number): Joining {
	if (cp === TATWEEL || cp === 0x200d) return 'C';
	const forms = FORMS.get(cp);
	if (!forms) return 'U';
	return forms.length === 4 ? 'D' : forms.length === 2 ? 'R' : 'U';
}

/** Splits text into clusters (a base and its marks) and gives each Arabic letter its form. */
export function shapeArabic(text: string): Cluster[] {
	const clusters: Cluster[] = [];
	for (const ch of text) {
		const cp = ch.codePointAt(0)!;
		const last = clusters[clusters.length - 1];
		if (last && (isArabicMark(cp) || cp === 0x200c || cp === 0x200d)) {
			// marks ride on their letter; a zero-width (non-)joiner is kept in its text
			if (isArabicMark(cp)) last.marks.push(cp);
			last.text += ch;
			continue;
		}
		clusters.push({ cp, marks: [], text: ch });
	}
	const types = clusters.map((c) => (c.text.includes('\u200c') ? 'U' : joining(c.cp)));
	const joinsNext = (i: number) => {
		const next = clusters[i + 1];
		return next !== undefined && types[i] !== 'U' && types[i] !== 'R' && ['D', 'R', 'C'].includes(joining(next.cp));
	};
	const out: Cluster[] = [];
	for (let i = 0; i < clusters.length; i++) {
		const c = clusters[i]!;
		const forms = FORMS.get(c.cp);
		if (!forms || forms.length === 1) {
			out.push(c);
			continue;
		}
		const prev = i > 0 && joinsNext(i - 1);
		const next = clusters[i + 1];
		const ligature = c.cp === LAM && next ? LAM_ALEF.get(next.cp) : undefined;
		if (ligature !== undefined && c.marks.length === 0) {
			out.push({ cp: ligature + (prev ? 1 : 0), marks: next!.marks, text: c.text + next!.text });
			i++;
			continue;
		}
		const after = joinsNext(i);
		const form = prev && after ? 3 : after ? 2 : prev ? 1 : 0;
		out.push({ ...c, cp: forms[form] ?? forms[0]! });
	}
	return out;
}
