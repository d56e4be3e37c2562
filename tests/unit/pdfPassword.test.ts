/**
 * A protected PDF asks for its password (issue 23): the failure carries a ticket, the document waits on the
 * Node side, a wrong password asks again under the same ticket, the right one opens it into the library,
 * and the password is never stored (data folder) or logged. PDFs written by tests/helpers/pdfWriter.ts,
 * encrypted as revision 2 of the Standard security handler, read by the real pdf.js in the extraction worker.
 */
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createAppHandlers } from '../../main/api/createAppContext';
import { ProtectedDocuments } from '../../main/api/protectedDocuments';
import { articleFromBytes, loadArticleFile } from '../../main/article/loadArticleFile';
import { loadArticleSource } from '../../main/article/loadArticleSource';
import type { LoadResult } from '../../shared/api';
import { column, writePdf } from '../helpers/pdfWriter';

const PASSWORD = 'correct horse 7';
const body = column(['Only a listener with the password hears this paragraph.'], { x: 72, top: 700 });
const locked = writePdf([{ runs: [{ x: 72, y: 740, size: 20, text: 'A Locked Memo' }, ...body] }], { password: PASSWORD, title: 'A Locked Memo' });

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

const failure = (result: LoadResult) => {
  if (result.ok) throw new Error('opened');
  return result;
};

afterEach(() => vi.restoreAllMocks());

describe('the test PDF writer encrypts with a password', () => {
  it('pdf.js opens it with the password, says it needs one without, and that a wrong one is not right', async () => {
    const opened = await articleFromBytes(locked, 'memo.pdf', null, { password: PASSWORD });
    if (!opened.ok) throw new Error(opened.message);
    expect(opened.article.title).toBe('A Locked Memo');
    expect(opened.article.blocks.map((b) => b.text)).toEqual(['Only a listener with the password hears this paragraph.']);
    expect(failure(await articleFromBytes(locked, 'memo.pdf', null)).message).toMatch(/protected by a password/u);
    expect(failure(await articleFromBytes(locked, 'memo.pdf', null, { password: 'guess' })).message).toBe('The password given for this PDF is not right, so it cannot be opened.');
  });
});

describe('the loader asks for the password where the app can ask', () => {
  it('a protected PDF from a file, bytes or the command line carries a password request; the CLI keeps only the message', async () => {
    const documents = new ProtectedDocuments();
    const path = join(mkdtempSync(join(tmpdir(), 'ap-locked-')), 'memo.pdf');
    writeFileSync(path, locked);
    const fromPath = failure(await loadArticleSource(path, { onPasswordNeeded: documents.requestFor }));
    expect(fromPath.password).toEqual({ ticket: expect.stringMatching(/^[0-9a-f]{32}$/u), name: 'memo.pdf', wrong: false });
    expect(documents.get(fromPath.password!.ticket)).toMatchObject({ name: 'memo.pdf', source: path });
    expect(failure(await loadArticleFile(path)).password).toBeUndefined();
    // A damaged or scanned PDF asks for nothing.
    expect(failure(await articleFromBytes(writePdf([{ runs: [], image: true }]), 'scan.pdf', null, { onPasswordNeeded: documents.requestFor })).password).toBeUndefined();
  });

  it('keeps only the newest two documents waiting', () => {
    const documents = new ProtectedDocuments();
    const doc = (name: string) => ({ bytes: new Uint8Array(1), name, source: null });
    const [a, b, c] = ['a.pdf', 'b.pdf', 'c.pdf'].map((name) => documents.keep(doc(name)));
    expect(documents.get(a!)).toBeNull();
    expect(documents.get(b!)?.name).toBe('b.pdf');
    expect(documents.get(c!)?.name).toBe('c.pdf');
    expect(documents.forget(c!)).toBe(true);
    expect(documents.forget(c!)).toBe(false);
  });
});

describe('the API: openArticle, openWithPassword, forgetProtectedDocument', () => {
  it('asks, says a wrong password and asks again, opens with the right one into the library; the password is never stored or logged', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'ap-password-data-'));
    const logged: unknown[] = [];
    for (const method of ['log', 'error', 'warn', 'info'] as const) vi.spyOn(console, method).mockImplementation((...args: unknown[]) => void logged.push(...args));
    const { handlers } = createAppHandlers(dataDir, async () => ({ ok: false, message: 'not used' }));

    const asked = failure(await handlers.openArticle({ source: { type: 'file', name: 'memo.pdf', bytes: new Uint8Array(locked) } }));
    expect(asked.message).toMatch(/protected by a password/u);
    const { ticket } = asked.password!;
    expect(asked.password).toEqual({ ticket, name: 'memo.pdf', wrong: false });
    expect(await handlers.listLibrary({ query: '', sort: 'recent' })).toEqual([]);

    const wrong = failure(await handlers.openWithPassword({ ticket, password: 'guess' }));
    expect(wrong.message).toBe('The password given for this PDF is not right, so it cannot be opened.');
    expect(wrong.password).toEqual({ ticket, name: 'memo.pdf', wrong: true });
    expect(await handlers.listLibrary({ query: '', sort: 'recent' })).toEqual([]);

    const opened = await handlers.openWithPassword({ ticket, password: PASSWORD });
    if (!opened.ok) throw new Error(opened.message);
    expect(opened.article.title).toBe('A Locked Memo');
    expect(opened.entry?.title).toBe('A Locked Memo');
    expect((await handlers.listLibrary({ query: '', sort: 'recent' })).map((e) => e.title)).toEqual(['A Locked Memo']);
    // Opened, the document is let go: the ticket opens nothing any more.
    expect(failure(await handlers.openWithPassword({ ticket, password: PASSWORD })).message).toBe('That PDF is no longer waiting for its password. Open it again.');

    for (const file of filesUnder(dataDir)) expect(readFileSync(file, 'latin1'), file).not.toContain(PASSWORD);
    expect(JSON.stringify(logged.map(String))).not.toContain(PASSWORD);
    expect(JSON.stringify(logged.map(String))).not.toContain('guess');
  });

  it('Cancel lets the document go', async () => {
    const { handlers } = createAppHandlers(mkdtempSync(join(tmpdir(), 'ap-password-cancel-')), async () => ({ ok: false, message: 'not used' }));
    const { ticket } = failure(await handlers.openArticle({ source: { type: 'file', name: 'memo.pdf', bytes: new Uint8Array(locked) } })).password!;
    expect(await handlers.forgetProtectedDocument({ ticket })).toEqual({ forgotten: true });
    expect(failure(await handlers.openWithPassword({ ticket, password: PASSWORD })).password).toBeUndefined();
    expect(await handlers.listLibrary({ query: '', sort: 'recent' })).toEqual([]);
  });
});

describe('opened from outside the window (a second launch, the OS)', () => {
  it('asks through the same store, so the window can open it with the password', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'ap-locked-outside-')), 'memo.pdf');
    writeFileSync(path, locked);
    const { handlers, openFromOutside } = createAppHandlers(mkdtempSync(join(tmpdir(), 'ap-password-outside-')), async () => ({ ok: false, message: 'not used' }));
    const asked = failure(await openFromOutside(path));
    expect(asked.password?.name).toBe('memo.pdf');
    const opened = await handlers.openWithPassword({ ticket: asked.password!.ticket, password: PASSWORD });
    if (!opened.ok) throw new Error(opened.message);
    expect(opened.article.source).toBe(path);
    expect(opened.entry?.title).toBe('A Locked Memo');
  });
});
