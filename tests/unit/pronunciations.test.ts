import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkPatternSafety } from '../../main/pronunciations/regexSafety';
import { PronunciationStore } from '../../main/pronunciations/PronunciationStore';
import { checkPronunciation, formatPronunciationFile, parsePronunciationFile } from '../../shared/pronunciations';

const sql = { match: 'SQL', say: 'sequel', wholeWord: true, caseSensitive: true, regex: false, lang: null };
const file = (entries: unknown[], version: unknown = 1) => JSON.stringify({ version, entries });

describe('pronunciation files', () => {
  it('reads the documented shape and writes it back the same', () => {
    const parsed = parsePronunciationFile(file([sql]), checkPatternSafety);
    expect(parsed).toEqual({ ok: true, value: [sql] });
    expect(JSON.parse(formatPronunciationFile([sql]))).toEqual({ version: 1, entries: [sql] });
  });
  it('fills left-out switches with defaults and ignores fields it does not know', () => {
    expect(parsePronunciationFile(file([{ match: 'GIF', say: 'jif', note: 'mine' }]), null)).toEqual({
      ok: true,
      value: [{ match: 'GIF', say: 'jif', wholeWord: true, caseSensitive: false, regex: false, lang: null }],
    });
  });
  it('refuses what is not JSON, an unknown version and a missing version', () => {
    expect(parsePronunciationFile('{"version": 1, "entries": [', null)).toMatchObject({ ok: false, message: expect.stringMatching(/^This is not a JSON file/u) });
    expect(parsePronunciationFile(file([sql], 2), null)).toMatchObject({ ok: false, message: expect.stringContaining('version 2 is not one this Article Player reads (it reads version 1)') });
    expect(parsePronunciationFile('{"entries": []}', null)).toMatchObject({ ok: false, message: expect.stringContaining('no "version"') });
  });
  it('says which entry and field is wrong', () => {
    const result = parsePronunciationFile(file([sql, { match: 'x', say: 3 }, { say: 'y' }]), null);
    expect(result).toMatchObject({ ok: false, message: expect.stringContaining('entry 2.say: expected string') });
    expect(result.ok ? '' : result.message).toContain('and 1 more problem');
    expect(parsePronunciationFile(file([{ match: '', say: 'a' }]), null)).toMatchObject({ ok: false, message: expect.stringContaining('entry 1.match: is empty') });
    expect(parsePronunciationFile(file([{ match: 'a', say: 'b', lang: 'english!' }]), null)).toMatchObject({ ok: false, message: expect.stringContaining('entry 1.lang: is not a language tag') });
  });
  it('refuses a bad pattern and a pattern that could take too long, naming the entry', () => {
    expect(parsePronunciationFile(file([sql, { match: '(unclosed', say: 'a', regex: true }]), checkPatternSafety)).toMatchObject({
      ok: false,
      message: expect.stringMatching(/entry 2: "\(unclosed" is not a valid regular expression/u),
    });
    expect(parsePronunciationFile(file([{ match: '(a+)+$', say: 'a', regex: true }]), checkPatternSafety)).toMatchObject({ ok: false, message: expect.stringContaining('could take too long') });
    expect(parsePronunciationFile(file([{ match: 'x*', say: 'a', regex: true }]), checkPatternSafety)).toMatchObject({ ok: false, message: expect.stringContaining('matches empty text') });
  });
});

describe('regex safety', () => {
  it('accepts ordinary patterns and refuses nested repeats', () => {
    for (const safe of ['\\bSQL\\b', 'colou?r', '[A-Z]{2,5}s?', '(\\d{3})-(\\d{4})', 'Dr\\.?', '\\d+ km', 'cha[a-z]*ing', '\\d+(\\.\\d+)?\\s?km', '(?:Dr|Mr)\\.?\\s+\\p{Lu}\\p{L}+', '\\w+-\\w+']) expect(checkPatternSafety(safe, 'giu'), safe).toBeNull();
    for (const unsafe of ['(a+)+$', '(a|a)*b', '(x+x+)+y', 'a*a*a*b', '(\\w+\\s?)+$']) expect(checkPatternSafety(unsafe, 'giu'), unsafe).toMatch(/too long/u);
  });
  it('checks an entry as it is entered', () => {
    expect(checkPronunciation({ ...sql, match: '(x+)+y', regex: true }, checkPatternSafety)).toMatchObject({ ok: false });
    expect(checkPronunciation({ ...sql, match: '(x+)+y', regex: false }, checkPatternSafety)).toMatchObject({ ok: true });
  });
});

describe('PronunciationStore (a real data folder)', () => {
  it('adds, edits and removes entries, keeping them on disk', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'pron-'));
    const store = new PronunciationStore(folder);
    expect(await store.save(null, sql)).toMatchObject({ ok: true, value: [sql] });
    expect(await store.save(null, { ...sql, match: 'GIF', say: 'jif' })).toMatchObject({ ok: true });
    expect(await store.save(0, { ...sql, say: 'ess queue ell' })).toMatchObject({ ok: true });
    expect((await new PronunciationStore(folder).list()).map((e) => e.say)).toEqual(['ess queue ell', 'jif']);
    expect((await store.remove(0)).map((e) => e.match)).toEqual(['GIF']);
  });
  it('refuses a bad entry or file and loses nothing of the list', async () => {
    const store = new PronunciationStore(mkdtempSync(join(tmpdir(), 'pron-')));
    await store.save(null, sql);
    expect(await store.save(null, { match: '(a+)+$', say: 'x', regex: true })).toMatchObject({ ok: false });
    expect(await store.import('{"version": 9, "entries": []}', 'replace')).toMatchObject({ ok: false });
    expect(await store.list()).toEqual([sql]);
    expect(await store.import(file([{ match: 'GIF', say: 'jif' }]), 'add')).toMatchObject({ ok: true });
    expect((await store.list()).map((e) => e.match)).toEqual(['SQL', 'GIF']);
    expect(await store.import(file([{ match: 'PNG', say: 'ping' }]), 'replace')).toMatchObject({ ok: true, value: [expect.objectContaining({ match: 'PNG' })] });
  });
  it('sets a damaged file aside with a message and starts with an empty list', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'pron-'));
    writeFileSync(join(folder, 'pronunciations.json'), '{"version": 1, "data": {"entries": [');
    const store = new PronunciationStore(folder);
    expect(await store.list()).toEqual([]);
    expect(store.file.problem).toMatch(/pronunciation list file could not be read/u);
    expect(readdirSync(folder).some((name) => name.startsWith('pronunciations.json.set-aside-'))).toBe(true);
  });
  it('compiles the list again only when it changed', async () => {
    const store = new PronunciationStore(mkdtempSync(join(tmpdir(), 'pron-')));
    await store.save(null, sql);
    const first = await store.compiledList();
    expect(await store.compiledList()).toBe(first);
    await store.save(null, { ...sql, match: 'GIF' });
    expect(await store.compiledList()).not.toBe(first);
  });
});
