/**
 * Windows SAPI cannot run on this Linux machine, so this file tests what can be checked here: the
 * constant script and command, the environment that carries the data, the parsers on outputs in the
 * format the script prints (the fixtures are written to that format by hand: no Windows machine was
 * available to record them), and the adapter's whole flow against a stand-in `powershell.exe` (a
 * shell script that does what the real script does, using espeak-ng for the audio).
 */
import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { synthesizeBlock } from '../../main/speech/synthesizeBlock';
import {
  parseSapiProgress,
  parseSapiVoices,
  POWERSHELL_ARGUMENTS,
  SAPI_LIST_VOICES_SCRIPT,
  SAPI_SYNTHESIZE_SCRIPT,
  sapiEnvironment,
  sapiRate,
  WindowsSapiEngine,
} from '../../main/speech/windowsSapi';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/engines/${name}`, import.meta.url), 'utf8');
const sandbox = mkdtempSync(join(tmpdir(), 'ap-sapi-test-'));
afterAll(() => rmSync(sandbox, { recursive: true, force: true }));

/** A stand-in powershell.exe: records what it was given, writes a WAV with espeak-ng, prints the recorded progress lines. */
function standInPowerShell(progressFixture: string): string {
  const path = join(sandbox, 'powershell.exe');
  writeFileSync(
    path,
    `#!/bin/sh
cat > "$RECORD_DIR/script.ps1"
printf '%s\\n' "$@" > "$RECORD_DIR/argv"
cp "$AP_TEXT_FILE" "$RECORD_DIR/text"
printf '%s' "$AP_RATE" > "$RECORD_DIR/rate"
printf '%s' "$AP_VOICE" > "$RECORD_DIR/voice"
espeak-ng -b 1 -w "$AP_OUT_FILE" -f "$AP_TEXT_FILE" || exit 2
echo 'WARNING: some PowerShell noise that is not JSON'
cat "${join(sandbox, 'progress.jsonl')}"
`,
  );
  writeFileSync(join(sandbox, 'progress.jsonl'), fixture(progressFixture));
  chmodSync(path, 0o755);
  return path;
}

const sentence = 'Hello, Dr. Smith — the café opens at 9:30.';

describe('Windows SAPI adapter (no Windows here: constant script, parsers, stand-in process)', () => {
  it('runs a constant script from stdin with fixed arguments', () => {
    expect([...POWERSHELL_ARGUMENTS]).toEqual(['-NoProfile', '-NonInteractive', '-ExecutionPolicy', 'Bypass', '-Command', '-']);
    for (const script of [SAPI_SYNTHESIZE_SCRIPT, SAPI_LIST_VOICES_SCRIPT]) {
      expect(script).toContain('Add-Type -AssemblyName System.Speech');
      // one statement per line: `-Command -` reads stdin like a prompt
      expect(script.split('\n').every((line) => !line.trim().endsWith('{'))).toBe(true);
    }
    expect(SAPI_SYNTHESIZE_SCRIPT).toContain('SetOutputToWaveFile($env:AP_OUT_FILE');
    expect(SAPI_SYNTHESIZE_SCRIPT).toContain('ReadAllText($env:AP_TEXT_FILE, [Text.Encoding]::UTF8)');
    expect(SAPI_SYNTHESIZE_SCRIPT).toContain('SpeakProgress');
  });

  it('passes data in environment variables, never in the script', () => {
    const env = sapiEnvironment({ PATH: '/bin' }, { textFile: 'C:\\t\\text.txt', outFile: 'C:\\t\\speech.wav' }, { wordsPerMinute: 540, voice: "Zira'; Remove-Item C:\\ -Recurse; '" });
    expect(env).toEqual({ PATH: '/bin', AP_TEXT_FILE: 'C:\\t\\text.txt', AP_OUT_FILE: 'C:\\t\\speech.wav', AP_RATE: '10', AP_VOICE: "Zira'; Remove-Item C:\\ -Recurse; '" });
  });

  it('maps words per minute onto Rate -10..10 (logarithmic, +10 = three times normal)', () => {
    expect(sapiRate(180)).toBe(0);
    expect(sapiRate(540)).toBe(10);
    expect(sapiRate(60)).toBe(-10);
    expect(sapiRate(5)).toBe(-10);
    expect(sapiRate(270)).toBe(4);
    expect(sapiRate(Number.NaN)).toBe(0);
  });

  it('parses SpeakProgress lines into word marks', () => {
    const marks = parseSapiProgress('noise\r\n' + fixture('sapi-progress-david.jsonl') + '{"broken":\n{"characterPosition":-1,"characterCount":2,"audioPositionMs":5}\n', sentence.length);
    expect(marks.map((m) => sentence.slice(m.charStart, m.charEnd))).toEqual(['Hello', 'Dr.', 'Smith', 'the', 'café', 'opens', 'at', '9:30']);
    expect(marks[0]).toEqual({ charStart: 0, charEnd: 5, startMs: 62 });
    expect(marks.at(-1)!.startMs).toBe(2224);
  });

  it('drops repeated or backwards marks and clips marks to the text', () => {
    const lines = [
      { characterPosition: 0, characterCount: 5, audioPositionMs: 10 },
      { characterPosition: 0, characterCount: 5, audioPositionMs: 30 }, // repeated word
      { characterPosition: 7, characterCount: 3, audioPositionMs: 5 }, // time going backwards
      { characterPosition: 7, characterCount: 99, audioPositionMs: 300 }, // runs past the end
    ].map((line) => JSON.stringify(line));
    expect(parseSapiProgress(lines.join('\n'), 12)).toEqual([
      { charStart: 0, charEnd: 5, startMs: 10 },
      { charStart: 7, charEnd: 12, startMs: 300 },
    ]);
  });

  it('parses the voice list, an array or a single object, with a BOM', () => {
    expect(parseSapiVoices(fixture('sapi-voices-win10.json'))).toEqual([
      { id: 'Microsoft David Desktop', name: 'Microsoft David Desktop', lang: 'en-US' },
      { id: 'Microsoft Zira Desktop', name: 'Microsoft Zira Desktop', lang: 'en-US' },
      { id: 'Microsoft Hedda Desktop', name: 'Microsoft Hedda Desktop', lang: 'de-DE' },
      { id: 'Microsoft Haruka Desktop', name: 'Microsoft Haruka Desktop', lang: 'ja-JP' },
    ]);
    expect(parseSapiVoices(fixture('sapi-voices-single.json'))).toEqual([{ id: 'Microsoft Zira Desktop', name: 'Microsoft Zira Desktop', lang: 'en-US' }]);
    expect(parseSapiVoices('')).toEqual([]);
  });

  it('synthesizes through the stand-in: text in a private temp file, constant script on stdin, word marks returned', async () => {
    const record = mkdtempSync(join(sandbox, 'record-'));
    const engine = new WindowsSapiEngine(standInPowerShell('sapi-progress-david.jsonl'), { PATH: process.env.PATH, RECORD_DIR: record });
    const before = readdirSync(tmpdir()).filter((name) => name.startsWith('article-player-sapi-'));
    const result = await engine.synthesize(sentence, { voice: 'Microsoft Zira Desktop', lang: null, wordsPerMinute: 270 });
    expect(result.samples.length).toBeGreaterThan(10_000);
    expect(result.wordMarks).toHaveLength(8);
    expect(readFileSync(join(record, 'script.ps1'), 'utf8')).toBe(SAPI_SYNTHESIZE_SCRIPT);
    expect(readFileSync(join(record, 'text'), 'utf8')).toBe(sentence); // UTF-8, é and — intact
    expect(readFileSync(join(record, 'argv'), 'utf8').trim().split('\n')).toEqual([...POWERSHELL_ARGUMENTS]);
    expect(readFileSync(join(record, 'rate'), 'utf8')).toBe('4');
    expect(readFileSync(join(record, 'voice'), 'utf8')).toBe('Microsoft Zira Desktop');
    expect(readdirSync(tmpdir()).filter((name) => name.startsWith('article-player-sapi-'))).toEqual(before);
  });

  it('turns word marks into exact word times in the block timeline', async () => {
    const record = mkdtempSync(join(sandbox, 'record-'));
    const engine = new WindowsSapiEngine(standInPowerShell('sapi-progress-david.jsonl'), { PATH: process.env.PATH, RECORD_DIR: record });
    const block = await synthesizeBlock(engine, { text: sentence, lang: 'en', voice: 'Microsoft David Desktop', rate: 1 });
    const [only] = block.timeline.sentences;
    const words = only!.words;
    expect(words.map((w) => sentence.slice(w.charStart, w.charEnd))).toEqual(['Hello', 'Dr.', 'Smith', 'the', 'café', 'opens', 'at', '9:30']);
    expect(words[0]!.startMs).toBe(0);
    // the gap between two marks survives trimming exactly (671 - 412 ms), unlike an estimate by word length
    expect(words[2]!.startMs - words[1]!.startMs).toBeCloseTo(259, 6);
    expect(words[1]!.endMs).toBe(words[2]!.startMs);
    expect(words.at(-1)!.endMs).toBe(only!.endMs);
  });

  it('reports a script failure with its stderr, and a missing PowerShell by name', async () => {
    const failing = join(sandbox, 'failing-powershell.exe');
    writeFileSync(failing, '#!/bin/sh\ncat >/dev/null\necho "Cannot set voice. No matching voice is installed or the voice was disabled." >&2\nexit 2\n');
    chmodSync(failing, 0o755);
    await expect(new WindowsSapiEngine(failing).synthesize('Hello.', { voice: 'Nobody', lang: null, wordsPerMinute: 180 })).rejects.toThrow(
      /exited with code 2: Cannot set voice\. No matching voice is installed/,
    );
    await expect(new WindowsSapiEngine('/nonexistent/powershell.exe').listVoices()).rejects.toThrow(/Windows PowerShell 5\.1 \(powershell\.exe\)/);
  });
});
