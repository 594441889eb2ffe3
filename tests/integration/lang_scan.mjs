// lang_scan.mjs - find Korean text on a page in another language that is not marked lang="ko" (issue 17).
// A small HTML walk: the lang of each element is its own lang= or its parent's; text and the attributes
// people read (title, aria-label, alt, placeholder) whose element is not in Korean must hold no Hangul.
// Comments, <script> and <style> are skipped; attribute values that are addresses or typed values are not read.

const HANGUL = /[\u1100-\u11ff\u3130-\u318f\uac00-\ud7a3]/;
const READ_ATTRS = new Set(['title', 'aria-label', 'alt', 'placeholder', 'content', 'label', 'aria-description']);
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);

/** The Korean runs of html outside elements in Korean, each with its nearest context: [{ text, where }]. */
export function unmarkedHangul(html) {
	const found = [];
	const stack = [{ tag: '#root', lang: null }];
	const re = /<!--[\s\S]*?-->|<(script|style)\b[^>]*>[\s\S]*?<\/\1>|<\/([a-zA-Z0-9]+)\s*>|<([a-zA-Z0-9]+)((?:\s+[^\s=>\/]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+))?)*)\s*\/?>|([^<]+)/g;
	let m;
	const where = () => stack.map((s) => s.tag).slice(-3).join('>');
	while ((m = re.exec(html)) !== null) {
		if (m[2]) {	/* an end tag: close up to the element it ends */
			const tag = m[2].toLowerCase();
			const i = stack.map((s) => s.tag).lastIndexOf(tag);
			if (i > 0)
				stack.length = i;
		} else if (m[3]) {
			const tag = m[3].toLowerCase(), attrs = {};
			for (const a of (m[4] ?? '').matchAll(/([^\s=>\/]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g))
				attrs[a[1].toLowerCase()] = a[2] ?? a[3] ?? a[4] ?? '';
			const lang = attrs.lang !== undefined ? attrs.lang : stack[stack.length - 1].lang;
			if (!(lang ?? '').startsWith('ko'))
				for (const [k, v] of Object.entries(attrs))
					if (READ_ATTRS.has(k) && HANGUL.test(v))
						found.push({ text: `${k}="${v}"`, where: `${where()}>${tag}` });
			if (!VOID.has(tag) && !/\/>$/.test(m[0]))
				stack.push({ tag, lang });
		} else if (m[5] && HANGUL.test(m[5])) {
			if (!(stack[stack.length - 1].lang ?? '').startsWith('ko'))
				found.push({ text: m[5].trim().slice(0, 60), where: where() });
		}
	}
	return found;
}
