/**
 * The app's pictograms (Fluent Emoji Flat SVGs, built into static/pictos/) as PDF vector
 * drawings, in shades of grey. Vector, because it stays sharp on paper at any size and
 * costs a few KiB per pictogram, where a raster would need a canvas (none in tests) and
 * blur when printed. Grey, because most printers at job centres and workshops are black
 * and white: each colour becomes its luminance, so the contrast between the parts of a
 * pictogram is the one people see on screen. Meaning never rests on the pictogram alone:
 * every competence has its title beside it.
 *
 * Reads the subset of SVG those files use: <svg viewBox>, <g>, <path>, <rect>, <circle>,
 * <ellipse>, fill (hex, rgb(), none), fill-rule, opacity, transform. Clip paths and filters
 * (a drop shadow in one icon) are left out; <defs> are not drawn.
 */
import { num } from './pdf-writer';

type Matrix = [number, number, number, number, number, number];

function luminance(color: string): number | null {
	const c = color.trim().toLowerCase();
	let rgb: number[] | null = null;
	if (/^#[0-9a-f]{3}$/.test(c)) rgb = [1, 2, 3].map((i) => parseInt(c[i]! + c[i]!, 16));
	else if (/^#[0-9a-f]{6}$/.test(c)) rgb = [1, 3, 5].map((i) => parseInt(c.slice(i, i + 2), 16));
	else if (/^rgb\(/.test(c)) rgb = (c.match(/[\d.]+/g) ?? []).slice(0, 3).map(Number);
	else if (c === 'white') rgb = [255, 255, 255];
	else if (c === 'black' || c === 'currentcolor') rgb = [0, 0, 0];
	if (!rgb || rgb.length !== 3 || rgb.some((v) => !Number.isFinite(v))) return null;
	return (0.2126 * rgb[0]! + 0.7152 * rgb[1]! + 0.0722 * rgb[2]!) / 255;
}

function parseTransform(text: string): Matrix[] {
	const out: Matrix[] = [];
	for (const [, name, args] of text.matchAll(/(matrix|translate|scale|rotate)\s*\(([^)]*)\)/g)) {
		const n = (args!.match(/[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?/gi) ?? []).map(Number);
		if (name === 'matrix' && n.length === 6) out.push(n as Matrix);
		else if (name === 'translate') out.push([1, 0, 0, 1, n[0] ?? 0, n[1] ?? 0]);
		else if (name === 'scale') out.push([n[0] ?? 1, 0, 0, n[1] ?? n[0] ?? 1, 0, 0]);
		else if (name === 'rotate') {
			const a = ((n[0] ?? 0) * Math.PI) / 180;
			const [cx, cy] = [n[1] ?? 0, n[2] ?? 0];
			out.push([1, 0, 0, 1, cx, cy], [Math.cos(a), Math.sin(a), -Math.sin(a), Math.cos(a), 0, 0]);
			out.push([1, 0, 0, 1, -cx, -cy]);
		}
	}
	return out;
}

function arc(ops: string[], x1: number, y1: number, a: number[], x2: number, y2: number): void {
	let [rx, ry] = [Math.abs(a[0]!), Math.abs(a[1]!)];
	const [large, sweep] = [a[3] !== 0, a[4] !== 0];
	if (rx === 0 || ry === 0 || (x1 === x2 && y1 === y2)) {
		ops.push(`${num(x2)} ${num(y2)} l`);
		return;
	}
	const phi = (a[2]! * Math.PI) / 180;
	const [cos, sin] = [Math.cos(phi), Math.sin(phi)];
	const xp = (cos * (x1 - x2)) / 2 + (sin * (y1 - y2)) / 2;
	const yp = (-sin * (x1 - x2)) / 2 + (cos * (y1 - y2)) / 2;
	const lambda = (xp * xp) / (rx * rx) + (yp * yp) / (ry * ry);
	if (lambda > 1) [rx, ry] = [rx * Math.sqrt(lambda), ry * Math.sqrt(lambda)];
	const den = rx * rx * yp * yp + ry * ry * xp * xp;
	const coef = (large === sweep ? -1 : 1) * Math.sqrt(Math.max(0, (rx * rx * ry * ry - den) / den));
	const [cxp, cyp] = [(coef * rx * yp) / ry, (-coef * ry * xp) / rx];
	const cx = cos * cxp - sin * cyp + (x1 + x2) / 2;
	const cy = sin * cxp + cos * cyp + (y1 + y2) / 2;
	const angle = (ux: number, uy: number, vx: number, vy: number) => Math.atan2(ux * vy - uy * vx, ux * vx + uy * vy);
	const [ux, uy, vx, vy] = [(xp - cxp) / rx, (yp - cyp) / ry, (-xp - cxp) / rx, (-yp - cyp) / ry];
	const start = angle(1, 0, ux, uy);
	let delta = angle(ux, uy, vx, vy);
	if (!sweep && delta > 0) delta -= 2 * Math.PI;
	if (sweep && delta < 0) delta += 2 * Math.PI;
	const parts = Math.max(1, Math.ceil(Math.abs(delta) / (Math.PI / 2) - 1e-9));
	const step = delta / parts;
	const t = (4 / 3) * Math.tan(step / 4);
	const map = (u: number, v: number) =>
		`${num(cx + rx * u * cos - ry * v * sin)} ${num(cy + rx * u * sin + ry * v * cos)}`;
	for (let i = 0; i < parts; i++) {
		const [a1, a2] = [start + i * step, start + (i + 1) * step];
		const c1 = map(Math.cos(a1) - t * Math.sin(a1), Math.sin(a1) + t * Math.cos(a1));
		const c2 = map(Math.cos(a2) + t * Math.sin(a2), Math.sin(a2) - t * Math.cos(a2));
		ops.push(`${c1} ${c2} ${map(Math.cos(a2), Math.sin(a2))} c`);
	}
}

const ARITY: Record<string, number> = { m: 2, l: 2, h: 1, v: 1, c: 6, s: 4, q: 4, t: 2, a: 7, z: 0 };

/** SVG path data as PDF path operators. Stops quietly at the first malformed command. */
export function pathOps(d: string): string {
	const ops: string[] = [];
	const token = /\s*,?\s*([MmLlHhVvCcSsQqTtAaZz]|[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)/y;
	let [x, y, sx, sy] = [0, 0, 0, 0];
	let [cx, cy, qx, qy] = [0, 0, 0, 0];
	let cmd = '';
	let prev = '';
	const readNumber = (flag: boolean): number | null => {
		if (flag) {
			const m = /\s*,?\s*([01])/y;
			m.lastIndex = token.lastIndex;
			const f = m.exec(d);
			if (!f) return null;
			token.lastIndex = m.lastIndex;
			return Number(f[1]);
		}
		const at = token.lastIndex;
		const m = token.exec(d);
		if (!m || /[A-Za-z]/.test(m[1]!)) {
			token.lastIndex = at;
			return null;
		}
		return Number(m[1]);
	};
	for (;;) {
		const at = token.lastIndex;
		const m = token.exec(d);
		if (!m) break;
		if (/[A-Za-z]/.test(m[1]!)) cmd = m[1]!;
		else if (cmd && cmd.toLowerCase() !== 'z') token.lastIndex = at;
		else break;
		const lower = cmd.toLowerCase();
		const rel = cmd !== cmd.toUpperCase();
		const args: number[] = [];
		for (let i = 0; i < ARITY[lower]!; i++) {
			const v = readNumber(lower === 'a' && (i === 3 || i === 4));
			if (v === null) return ops.join(' ');
			args.push(v);
		}
		const [ox, oy] = rel ? [x, y] : [0, 0];
		if (lower === 'm') {
			[x, y] = [ox + args[0]!, oy + args[1]!];
			[sx, sy] = [x, y];
			ops.push(`${num(x)} ${num(y)} m`);
			cmd = rel ? 'l' : 'L'; // further pairs are line-tos
		} else if (lower === 'l' || lower === 'h' || lower === 'v') {
			if (lower === 'v') y = oy + args[0]!;
			else x = ox + args[0]!;
			if (lower === 'l') y = oy + args[1]!;
			ops.push(`${num(x)} ${num(y)} l`);
		} else if (lower === 'c' || lower === 's') {
			const [x1, y1] =
				lower === 'c' ? [ox + args[0]!, oy + args[1]!] : /[cs]/i.test(prev) ? [2 * x - cx, 2 * y - cy] : [x, y];
			const r = lower === 'c' ? args.slice(2) : args;
			[cx, cy] = [ox + r[0]!, oy + r[1]!];
			[x, y] = [ox + r[2]!, oy + r[3]!];
			ops.push(`${num(x1)} ${num(y1)} ${num(cx)} ${num(cy)} ${num(x)} ${num(y)} c`);
		} else if (lower === 'q' || lower === 't') {
			[qx, qy] =
				lower === 'q' ? [ox + args[0]!, oy + args[1]!] : /[qt]/i.test(prev) ? [2 * x - qx, 2 * y - qy] : [x, y];
			const [ex, ey] = lower === 'q' ? [ox + args[2]!, oy + args[3]!] : [ox + args[0]!, oy + args[1]!];
			const c1 = `${num(x + ((qx - x) * 2) / 3)} ${num(y + ((qy - y) * 2) / 3)}`;
			ops.push(`${c1} ${num(ex + ((qx - ex) * 2) / 3)} ${num(ey + ((qy - ey) * 2) / 3)} ${num(ex)} ${num(ey)} c`);
			[x, y] = [ex, ey];
		} else if (lower === 'a') {
			const [ex, ey] = [ox + args[5]!, oy + args[6]!];
			arc(ops, x, y, args, ex, ey);
			[x, y] = [ex, ey];
		} else {
			ops.push('h');
			[x, y] = [sx, sy];
		}
		prev = cmd;
	}
	return ops.join(' ');
}

function shapeOps(tag: string, at: (name: string) => string | undefined): string {
	const n = (name: string, fallback = 0) => Number(at(name) ?? fallback) || 0;
	if (tag === 'path') return pathOps(at('d') ?? '');
	if (tag === 'rect') {
		const [x, y, w, h] = [n('x'), n('y'), n('width'), n('height')];
		const r = Math.min(n('rx', Number(at('ry') ?? 0)), w / 2, h / 2);
		if (r <= 0) return `${num(x)} ${num(y)} ${num(w)} ${num(h)} re`;
		return pathOps(
			`M${x + r} ${y}H${x + w - r}A${r} ${r} 0 0 1 ${x + w} ${y + r}V${y + h - r}A${r} ${r} 0 0 1 ${x + w - r} ${y + h}H${x + r}A${r} ${r} 0 0 1 ${x} ${y + h - r}V${y + r}A${r} ${r} 0 0 1 ${x + r} ${y}Z`
		);
	}
	if (tag === 'circle' || tag === 'ellipse') {
		const [cx, cy] = [n('cx'), n('cy')];
		const [rx, ry] = tag === 'circle' ? [n('r'), n('r')] : [n('rx'), n('ry')];
		return pathOps(`M${cx - rx} ${cy}A${rx} ${ry} 0 1 0 ${cx + rx} ${cy}A${rx} ${ry} 0 1 0 ${cx - rx} ${cy}Z`);
	}
	return '';
}

/**
 * PDF operators drawing the SVG into the unit square (0,0)–(1,1), y up, in grey.
 * `opacity(a)` names a graphics state with that fill opacity. Null when it is not an SVG.
 */
export function svgToPdf(svg: string, opacity: (alpha: number) => string): string | null {
	const box = svg
		.match(/<svg\b[^>]*\bviewBox="([^"]+)"/)?.[1]
		?.trim()
		.split(/[\s,]+/)
		.map(Number);
	if (!box || box.length !== 4 || box.some((v) => !Number.isFinite(v)) || box[2]! <= 0 || box[3]! <= 0) return null;
	const [minX, minY, w, h] = box as [number, number, number, number];
	const ops: string[] = [`${num(1 / w)} 0 0 ${num(-1 / h)} ${num(-minX / w)} ${num(1 + minY / h)} cm`];
	const stack: { fill: string | undefined; skip: boolean; saved: boolean }[] = [
		{ fill: undefined, skip: false, saved: false }
	];
	for (const [, close, tag, attrs, selfClose] of svg.matchAll(
		/<(\/?)([a-zA-Z]+)((?:\s+[\w:-]+\s*=\s*"[^"]*")*)\s*(\/?)>/g
	)) {
		const top = stack[stack.length - 1]!;
		if (close) {
			if (stack.length > 1 && tag !== 'svg') {
				if (stack.pop()!.saved) ops.push('Q');
			}
			continue;
		}
		const values = new Map([...attrs!.matchAll(/([\w:-]+)\s*=\s*"([^"]*)"/g)].map((m) => [m[1]!, m[2]!]));
		const at = (name: string) => values.get(name);
		const skip =
			top.skip || /^(defs|clipPath|mask|filter|linearGradient|radialGradient|pattern|symbol|style)$/.test(tag!);
		const fill = at('fill') ?? top.fill;
		const own: string[] = [];
		if (!skip) {
			for (const m of parseTransform(at('transform') ?? '')) own.push(`${m.map(num).join(' ')} cm`);
			const alpha = Number(at('opacity') ?? at('fill-opacity') ?? 1);
			if (Number.isFinite(alpha) && alpha < 1) own.push(`/${opacity(Math.max(0, alpha))} gs`);
		}
		const isGroup = tag === 'g' || tag === 'svg';
		if (!skip && !isGroup) {
			const grey = fill === 'none' ? null : fill === undefined ? 0 : luminance(fill);
			const shape = shapeOps(tag!, at);
			if (grey !== null && shape) {
				const rule = at('fill-rule') === 'evenodd' ? 'f*' : 'f';
				ops.push(`q ${own.join(' ')} ${num(grey)} g ${shape} ${rule} Q`);
			}
		}
		if (!selfClose && tag !== 'svg') {
			const saved = !skip && isGroup && own.length > 0;
			if (saved) ops.push(`q ${own.join(' ')}`);
			stack.push({ fill, skip, saved });
		}
	}
	while (stack.length > 1) if (stack.pop()!.saved) ops.push('Q');
	return ops.join('\n');
}
