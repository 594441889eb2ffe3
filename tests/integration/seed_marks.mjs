// seed_marks.mjs - how the pages mark a seed fact (issue 20), as the other tests expect it: dated by its
// source ("(2020년 기사 기준)"), an English name the portal made, a region read from the name. Built from
// sql/ (the source's date) and ko.hdf, never from a page.
import { L, data } from './lib.mjs';

/** " (2020년 기사 기준)" for a row of source id, '' for none. */
export function asOf(sourceId) {
	const s = sourceId ? data.sources.find((x) => x.id === sourceId) : null;
	return s?.published_on ? ` (${String(s.published_on).slice(0, 4)}${L['source.as_of']})` : '';
}

/** " (포털의 영문 표기)" when flag is 1. */
export const enMark = (flag) => (flag === 1 ? ` (${L['source.name_en_derived']})` : '');

/** " (이름에서 추정)" when flag is 1. */
export const regionMark = (flag) => (flag === 1 ? ` (${L['source.region_derived']})` : '');
