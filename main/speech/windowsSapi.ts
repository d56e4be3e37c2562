/**
 * Windows adapter: System.Speech (SAPI 5) through Windows PowerShell. The script is a constant read
 * from stdin (`-Command -`); everything variable reaches it through environment variables that the
 * script only reads as data: the path of a UTF-8 text file in a private temp folder, the output WAV
 * path, a rate we format as an integer, and the voice name. Article text never becomes script.
 * SpeakProgress events are printed as JSON lines and give exact word times.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Voice } from '../../shared/api.js';
import { findExecutable, ProcessError, runProcess } from '../process/runProcess.js';
import { withTempDir } from '../process/tempDir.js';
import { memoizeUntilFailure, voiceForLanguage, type SpeechEngine, type Synthesized, type SynthesisOptions, type WordMark } from './SpeechEngine.js';
import { readEngineWav } from './wav.js';

const NORMAL_WPM = 180;

export const POWERSHELL_ARGUMENTS = ['-NoProfile', '-NonInteractive', '-ExecutionPolicy', 'Bypass', '-Command', '-'] as const;

/*
 * With `-Command -` PowerShell reads stdin line by line like a prompt, so every statement sits on one
 * line. Events go through Register-ObjectEvent and Wait-Event: System.Speech raises them on a thread
 * pool thread, where a script-block handler would have no runspace.
 */
const PREAMBLE = [
  "$ErrorActionPreference = 'Stop'",
  '$OutputEncoding = [Console]::OutputEncoding = New-Object System.Text.UTF8Encoding $false',
  'Add-Type -AssemblyName System.Speech',
];

export const SAPI_SYNTHESIZE_SCRIPT = [
  ...PREAMBLE,
  'try { $s = New-Object System.Speech.Synthesis.SpeechSynthesizer; if ($env:AP_VOICE) { $s.SelectVoice($env:AP_VOICE) }; $s.Rate = [int]$env:AP_RATE; $text = [IO.File]::ReadAllText($env:AP_TEXT_FILE, [Text.Encoding]::UTF8); $fmt = New-Object System.Speech.AudioFormat.SpeechAudioFormatInfo 22050, ([System.Speech.AudioFormat.AudioBitsPerSample]::Sixteen), ([System.Speech.AudioFormat.AudioChannel]::Mono); $s.SetOutputToWaveFile($env:AP_OUT_FILE, $fmt); $null = Register-ObjectEvent -InputObject $s -EventName SpeakProgress -SourceIdentifier AP.Progress; $null = Register-ObjectEvent -InputObject $s -EventName SpeakCompleted -SourceIdentifier AP.Done; $null = $s.SpeakAsync($text); while ($true) { $ev = Wait-Event -Timeout 120; if (-not $ev) { throw "SpeechSynthesizer did not finish" }; Remove-Event -EventIdentifier $ev.EventIdentifier; $a = $ev.SourceEventArgs; if ($ev.SourceIdentifier -eq "AP.Done") { if ($a.Error) { throw $a.Error }; break }; [Console]::Out.WriteLine(("{{`"characterPosition`":{0},`"characterCount`":{1},`"audioPositionMs`":{2}}}" -f [int]$a.CharacterPosition, [int]$a.CharacterCount, [long]$a.AudioPosition.TotalMilliseconds)) }; $s.SetOutputToNull(); $s.Dispose() } catch { [Console]::Error.WriteLine($_.Exception.Message); exit 2 }',
  'exit 0',
  '',
].join('\n');

export const SAPI_LIST_VOICES_SCRIPT = [
  ...PREAMBLE,
  'try { $s = New-Object System.Speech.Synthesis.SpeechSynthesizer; $list = @($s.GetInstalledVoices() | Where-Object { $_.Enabled } | ForEach-Object { $i = $_.VoiceInfo; [pscustomobject]@{ name = $i.Name; culture = $i.Culture.Name; gender = [string]$i.Gender } }); [Console]::Out.WriteLine((ConvertTo-Json -InputObject $list -Compress)); $s.Dispose() } catch { [Console]::Error.WriteLine($_.Exception.Message); exit 2 }',
  'exit 0',
  '',
].join('\n');

/** SAPI's Rate is -10..10 on a logarithmic scale: +10 is three times the normal rate, -10 a third. */
export function sapiRate(wordsPerMinute: number, normalWpm = NORMAL_WPM): number {
  if (!Number.isFinite(wordsPerMinute) || wordsPerMinute <= 0) return 0;
  const rate = (10 * Math.log(wordsPerMinute / normalWpm)) / Math.log(3);
  return Math.round(Math.min(10, Math.max(-10, rate)));
}

/** The environment for one synthesis: data only, read by the constant script. */
export function sapiEnvironment(
  base: NodeJS.ProcessEnv,
  files: { textFile: string; outFile: string },
  options: { wordsPerMinute: number; voice: string | null },
): NodeJS.ProcessEnv {
  return { ...base, AP_TEXT_FILE: files.textFile, AP_OUT_FILE: files.outFile, AP_RATE: String(sapiRate(options.wordsPerMinute)), AP_VOICE: options.voice ?? '' };
}

/** Parses the SpeakProgress JSON lines into word marks; other lines (PowerShell noise) are ignored. */
export function parseSapiProgress(output: string, textLength: number): WordMark[] {
  const marks: WordMark[] = [];
  for (const line of output.replace(/^\uFEFF/u, '').split(/\r?\n/u)) {
    if (!line.startsWith('{')) continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      continue;
    }
    const { characterPosition: start, characterCount: count, audioPositionMs: ms } = value as Record<string, unknown>;
    if (typeof start !== 'number' || typeof count !== 'number' || typeof ms !== 'number') continue;
    if (!Number.isInteger(start) || start < 0 || count < 1 || start >= textLength || ms < 0) continue;
    const mark = { charStart: start, charEnd: Math.min(textLength, start + count), startMs: ms };
    const previous = marks.at(-1);
    // SAPI can report a word twice or out of order around numbers and abbreviations: keep time and text increasing.
    if (previous && (mark.charStart < previous.charEnd || mark.startMs < previous.startMs)) continue;
    marks.push(mark);
  }
  return marks;
}

/** Parses the voice list printed by SAPI_LIST_VOICES_SCRIPT (ConvertTo-Json: an array, or an object for one voice). */
export function parseSapiVoices(output: string): Voice[] {
  const json = output.replace(/^\uFEFF/u, '').split(/\r?\n/u).find((line) => line.startsWith('[') || line.startsWith('{'));
  if (!json) return [];
  const parsed: unknown = JSON.parse(json);
  const items = Array.isArray(parsed) ? parsed : [parsed];
  const voices: Voice[] = [];
  for (const item of items as Array<Record<string, unknown>>) {
    if (typeof item?.name !== 'string' || !item.name) continue;
    const lang = typeof item.culture === 'string' && item.culture ? item.culture : 'und';
    voices.push({ id: item.name, name: item.name, lang });
  }
  return voices;
}

export class WindowsSapiEngine implements SpeechEngine {
  readonly id = 'sapi';
  readonly name = 'Windows speech (SAPI)';
  readonly normalWordsPerMinute = NORMAL_WPM;

  constructor(
    private readonly command = 'powershell.exe',
    private readonly env: NodeJS.ProcessEnv = process.env,
  ) {}

  readonly listVoices = memoizeUntilFailure((): Promise<Voice[]> => {
    return runProcess(this.command, POWERSHELL_ARGUMENTS, { stdin: SAPI_LIST_VOICES_SCRIPT, timeoutMs: 20_000, env: this.env })
      .then(({ stdout }) => parseSapiVoices(stdout.toString('utf8')))
      .catch((error: unknown) => {
        throw missingHint(error);
      });
  });

  async synthesize(text: string, options: SynthesisOptions): Promise<Synthesized> {
    const voice = options.voice ?? voiceForLanguage(await this.listVoices().catch(() => []), options.lang)?.id ?? null;
    return withTempDir('article-player-sapi', async (dir) => {
      const files = { textFile: join(dir, 'text.txt'), outFile: join(dir, 'speech.wav') };
      await writeFile(files.textFile, text, { encoding: 'utf8', mode: 0o600 });
      const { stdout, stderr } = await runProcess(this.command, POWERSHELL_ARGUMENTS, {
        stdin: SAPI_SYNTHESIZE_SCRIPT,
        env: sapiEnvironment(this.env, files, { wordsPerMinute: options.wordsPerMinute, voice }),
        timeoutMs: 20_000 + text.length * 50,
        signal: options.signal,
      }).catch((error: unknown) => {
        throw missingHint(error);
      });
      return { ...(await readEngineWav(files.outFile, 'Windows speech', stderr)), wordMarks: parseSapiProgress(stdout.toString('utf8'), text.length) };
    });
  }
}

/** powershell.exe on PATH, else where Windows keeps it. */
export async function findPowerShell(env: NodeJS.ProcessEnv = process.env): Promise<string | null> {
  const onPath = await findExecutable('powershell', env);
  if (onPath) return onPath;
  const root = env.SystemRoot ?? env.SYSTEMROOT ?? 'C:\\Windows';
  const candidate = `${root}\\System32\\WindowsPowerShell\\v1.0\\powershell.exe`;
  const { access } = await import('node:fs/promises');
  return access(candidate).then(
    () => candidate,
    () => null,
  );
}

function missingHint(error: unknown): unknown {
  if (error instanceof ProcessError && error.reason === 'missing') {
    return new ProcessError(`${error.message}: Windows PowerShell 5.1 (powershell.exe) with System.Speech is needed; it is part of Windows`, 'missing');
  }
  return error;
}
