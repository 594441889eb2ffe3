// vnu.mjs - the Nu Html Checker (vnu-jar) over a batch of documents in one Java run.
// The documents are written to a private temporary folder and checked as files, so the checker never
// fetches anything (it refuses 127.0.0.1 anyway). Its JSON is read message by message: the exit code
// alone says nothing about a document that could not be read.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';

const require = createRequire(import.meta.url);
export const VNU_JAR = String(require('vnu-jar')); // the package exports the jar's path

/**
 * Check docs ([{name, text, kind: 'html'|'css'}]) with vnu. Resolves to
 * {byName: Map(name -> {errors: [string], warnings: [string]}), version}; rejects when vnu could not
 * run, timed out, or printed no JSON.
 */
export async function vnuCheck(docs, timeoutMs = 60_000) {
	const dir = mkdtempSync(path.join(os.tmpdir(), 'tp-vnu-'));
	try {
		const files = docs.map((d, i) => {
			const file = path.join(dir, `${i}.${d.kind === 'css' ? 'css' : 'html'}`);
			writeFileSync(file, d.text);
			return file;
		});
		const args = ['-Xss2m', '-jar', VNU_JAR, '--format', 'json', '--stdout'];
		if (docs.some((d) => d.kind === 'css'))
			args.push('--also-check-css');
		const { code, stdout, stderr } = await run('java', [...args, ...files], timeoutMs);
		let report;
		try {
			report = JSON.parse(stdout);
		} catch {
			throw new Error(`vnu printed no JSON (exit ${code}): ${stderr.slice(0, 500)} ${stdout.slice(0, 500)}`);
		}
		const byName = new Map(docs.map((d) => [d.name, { errors: [], warnings: [] }]));
		for (const m of report.messages) {
			const idx = m.url ? Number(path.basename(m.url).split('.')[0]) : NaN;
			const doc = docs[idx];
			const where = m.lastLine ? `line ${m.lastLine}${m.firstColumn ? ':' + m.firstColumn : ''}` : '';
			const line = `${m.type}${m.subType ? '/' + m.subType : ''} ${where}: ${m.message}` +
				(m.extract ? `\n      ${JSON.stringify(m.extract.slice(0, 160))}` : '');
			if (!doc) // a message about no document: the run itself went wrong
				throw new Error(`vnu: ${line}`);
			const slot = byName.get(doc.name);
			if (m.type === 'error' || m.type === 'non-document-error' || m.subType === 'fatal')
				slot.errors.push(line);
			else if (m.subType === 'warning')
				slot.warnings.push(line);
		}
		// vnu says exit 0 without errors, 1 with them; anything else, or a disagreement, is suspicious.
		const anyErrors = [...byName.values()].some((r) => r.errors.length > 0);
		if (code !== (anyErrors ? 1 : 0))
			throw new Error(`vnu exited ${code} but its JSON reports ${anyErrors ? 'errors' : 'no errors'}: ${stderr.slice(0, 500)}`);
		return { byName, version: report.version };
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}

function run(cmd, args, timeoutMs) {
	return new Promise((resolve, reject) => {
		const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'] });
		let stdout = '', stderr = '';
		child.stdout.setEncoding('utf8').on('data', (d) => { stdout += d; });
		child.stderr.setEncoding('utf8').on('data', (d) => { stderr += d; });
		const timer = setTimeout(() => {
			child.kill('SIGKILL');
			reject(new Error(`${cmd} ${args.slice(0, 4).join(' ')} ... did not finish in ${timeoutMs} ms`));
		}, timeoutMs);
		child.on('error', (e) => { clearTimeout(timer); reject(e); });
		child.on('close', (code) => { clearTimeout(timer); resolve({ code, stdout, stderr }); });
	});
}
