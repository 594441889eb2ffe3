// browser.mjs - the one chromium of a run. suite.test.mjs imports the accounts, news and committees tests, and
// all of them share this browser (each page in its own context) instead of launching one each; a test file
// run alone gets its own. Every user calls useBrowser() in its before hook and releaseBrowser() in its after
// hook; the last release closes the browser.
import { chromium } from 'playwright-core';

import { CHROMIUM } from './accounts.mjs';

let launching = null;
let users = 0;

/** The shared browser, launched on first use. */
export async function useBrowser() {
	users++;
	if (!launching)
		launching = chromium.launch(CHROMIUM);
	return launching;
}

/** One user is done with it; the last one closes it. */
export async function releaseBrowser() {
	if (users > 0 && --users === 0 && launching) {
		const b = await launching.catch(() => null);
		launching = null;
		if (b)
			await b.close();
	}
}
