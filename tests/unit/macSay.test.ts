/**
 * macOS `say` cannot run on this Linux machine. The voice listings are fixtures in the format of real
 * `say -v '?'` output (macOS 14 names with spaces and parentheses, and the older "Alex" style), written
 * from that format because no Mac was available to record them here. The adapter's process handling
 * runs against a stand-in `say`: a shell script that records its arguments and stdin and writes the
 * -o file with espeak-ng, as the real one writes WAV with --file-format=WAVE.
 */
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { voiceForLanguage } from '../../main/speech/SpeechEngine';
import { MacSayEngine, parseSayVoices, sayArguments } from '../../main/speech/macSay';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/engines/${name}`, import.meta.url), 'utf8');
const sandbox = mkdtempSync(join(tmpdir(), 'ap-say-test-'));
afterAll(() => rmSync(sandbox, { recursive: true, force: true }));

function standInSay(body: string): string {
  const path = join(sandbox, `say-${Math.random().toString(36).slice(2)}`);
  writeFileSync(path, `#!/bin/sh\n${body}\n`);
  chmodSync(path, 0o755);
  return path;
}

const sayTempDirs = () => readdirSync(tmpdir()).filter((name) => name.startsWith('article-player-say-'));

describe('macOS say adapter (no macOS here: recorded-format listings and a stand-in say)', () => {
  it('parses say -v ? including names with spaces and parentheses', () => {
    const voices = parseSayVoices(fixture('say-voices-macos14.txt'));
    expect(voices).toHaveLength(21);
    expect(voices).toContainEqual({ id: 'Eddy (English (UK))', name: 'Eddy (English (UK))', lang: 'en-GB' });
    expect(voices).toContainEqual({ id: 'Amélie', name: 'Amélie', lang: 'fr-CA' });
    expect(voices).toContainEqual({ id: 'Majed', name: 'Majed', lang: 'ar-001' });
    expect(voices).toContainEqual({ id: 'Good News', name: 'Good News', lang: 'en-US' });
    expect(voiceForLanguage(voices, 'ja')?.id).toBe('Kyoko');
    expect(voiceForLanguage(voices, 'de-DE')?.id).toBe('Anna');
  });

  it('parses the older listing format', () => {
    expect(parseSayVoices(fixture('say-voices-macos10.txt'))).toEqual([
      { id: 'Alex', name: 'Alex', lang: 'en-US' },
      { id: 'Fiona', name: 'Fiona', lang: 'en-scotland' },
      { id: 'Victoria', name: 'Victoria', lang: 'en-US' },
    ]);
  });

  it('builds arguments with the text on stdin and WAV output', () => {
    expect(sayArguments('/tmp/d/speech.wav', { wordsPerMinute: 200.4, voice: 'Eddy (English (US))' })).toEqual([
      '--voice=Eddy (English (US))',
      '-r',
      '200',
      '-o',
      '/tmp/d/speech.wav',
      '--file-format=WAVE',
      '--data-format=LEI16@22050',
      '-f',
      '-',
    ]);
    expect(sayArguments('/o.wav', { wordsPerMinute: 5, voice: null })[1]).toBe('60');
    expect(sayArguments('/o.wav', { wordsPerMinute: 50_000, voice: null })[1]).toBe('720');
  });

  it('speaks through the stand-in: text on stdin only, audio read from a private temp file that is removed', async () => {
    const record = join(sandbox, 'record');
    const say = standInSay(
      `printf '%s\\n' "$@" > ${record}.argv
while [ $# -gt 0 ]; do [ "$1" = "-o" ] && out="$2"; shift; done
tee ${record}.stdin | espeak-ng -b 1 --stdin -w "$out"`,
    );
    const before = sayTempDirs();
    const hostile = `--voice=Zarvox -o ${sandbox}/owned.wav $(touch ${sandbox}/owned)`;
    const pcm = await new MacSayEngine(say).synthesize(hostile, { voice: 'Samantha', lang: null, wordsPerMinute: 175 });
    expect(pcm.samples.length).toBeGreaterThan(1000);
    expect(readFileSync(`${record}.stdin`, 'utf8')).toBe(hostile);
    const argv = readFileSync(`${record}.argv`, 'utf8').trim().split('\n');
    expect(argv.slice(0, 3)).toEqual(['--voice=Samantha', '-r', '175']);
    expect(argv.join(' ')).not.toContain('touch');
    expect(existsSync(join(sandbox, 'owned'))).toBe(false);
    expect(sayTempDirs()).toEqual(before);
  });

  it('reports a missing voice with say’s stderr and removes the temp folder on failure', async () => {
    const say = standInSay(`cat >/dev/null; echo "Voice \\\`Nobody' not found." >&2; exit 1`);
    const before = sayTempDirs();
    await expect(new MacSayEngine(say).synthesize('Hello.', { voice: 'Nobody', lang: null, wordsPerMinute: 175 })).rejects.toThrow(/exited with code 1: Voice `Nobody' not found/);
    expect(sayTempDirs()).toEqual(before);
  });

  it('reports a say that writes nothing, and a missing say by name', async () => {
    const silent = standInSay('cat >/dev/null; exit 0');
    await expect(new MacSayEngine(silent).synthesize('Hello.', { voice: 'Alex', lang: null, wordsPerMinute: 175 })).rejects.toThrow(/say produced no audio/);
    await expect(new MacSayEngine('/nonexistent/say').listVoices()).rejects.toThrow(/part of macOS/);
  });
});
