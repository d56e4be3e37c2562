/**
 * `npm run cli -- extract <path-or-url> [--json]` prints what would be read aloud;
 * `npm run cli -- export <path-or-url> --out FILE.wav [--rate R] [--voice V] [--trim-silences]` writes it as audio.
 */
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { parseArgs } from 'node:util';
import { exportChapters } from '../shared/contents.js';
import { placeNotes } from '../shared/notes.js';
import { clampRate } from '../shared/rate.js';
import { loadArticleSource, readingOptionsOf, resolveUserPath } from './article/loadArticleSource.js';
import { detectEngine } from './speech/detectEngine.js';
import { synthesizeBlock } from './speech/synthesizeBlock.js';
import { exportArticleAudio } from './export/exportArticleAudio.js';
import { CompiledPronunciations, MAX_PRONUNCIATIONS_FILE_BYTES, parsePronunciationFile } from '../shared/pronunciations.js';
import { checkPatternSafety } from './pronunciations/regexSafety.js';
import { PronunciationStore } from './pronunciations/PronunciationStore.js';
import { spokenTextMaker } from './pronunciations/spokenTextFor.js';
import { defaultDataDirectory } from './store/dataDirectory.js';
import { SettingsStore } from './store/SettingsStore.js';

const USAGE = `Usage:
  npm run cli -- extract <path-or-url> [--json] [--spoken] [--lexicon FILE]
    (--spoken: each block also carries "spoken", exactly the text the engine receives)
  npm run cli -- export <path-or-url> --out FILE.wav|FILE.mp3 [--rate R] [--voice V] [--paragraph-pause MS] [--sentence-pause MS] [--trim-silences] [--lexicon FILE]
    (--trim-silences: long silences inside sentences are shortened, as the player's setting does;
    a WebVTT chapter list, one cue per paragraph, is written beside it as FILE.vtt)
  The reading rules in the settings apply, and the pronunciation list of the data folder unless --lexicon names another.`;

/** Spoken text as the app makes it: the settings' reading rules, and --lexicon FILE or the data folder's list. */
async function spokenMaker(lexicon: string | undefined) {
  const dataDirectory = defaultDataDirectory();
  let pronunciations: CompiledPronunciations;
  if (lexicon) {
    const path = resolveUserPath(lexicon);
    const text = await readFile(path, 'utf8').catch((error: NodeJS.ErrnoException) => {
      throw new Error(`The pronunciation list ${path} could not be read: ${error.code === 'ENOENT' ? 'there is no such file' : error.message}.`);
    });
    if (text.length > MAX_PRONUNCIATIONS_FILE_BYTES) throw new Error(`${path}: this file is too large to be a pronunciation list.`);
    const parsed = parsePronunciationFile(text, checkPatternSafety);
    if (!parsed.ok) throw new Error(`${path}: ${parsed.message}`);
    pronunciations = new CompiledPronunciations(parsed.value);
  } else {
    pronunciations = await new PronunciationStore(dataDirectory).compiledList();
  }
  const rules = (await new SettingsStore(dataDirectory).read()).readingRules;
  return spokenTextMaker({ rules: async () => rules, pronunciations: async () => pronunciations });
}

async function load(source: string | undefined) {
  if (!source) throw new Error(`Name an article to open.\n${USAGE}`);
  const settings = await new SettingsStore(defaultDataDirectory()).read();
  const result = await loadArticleSource(resolveUserPath(source), readingOptionsOf(settings));
  if (!result.ok) throw new Error(result.message);
  // A document's notes go where the listener's setting puts them, as in the app.
  return placeNotes(result.article, settings.notePlacement);
}

async function extract(args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { json: { type: 'boolean', default: false }, spoken: { type: 'boolean', default: false }, lexicon: { type: 'string' } },
  });
  const spokenFor = values.spoken || values.lexicon ? await spokenMaker(values.lexicon) : null;
  const article = await load(positionals[0]);
  if (values.json) {
    const { title, byline, source, lang, blocks } = article;
    const shown = await Promise.all(
      // PDF and EPUB blocks also carry the page label they start on and their chapter (and a passage's language).
      blocks.map(async ({ kind, text, page, chapter, lang: blockLang }) => ({
        kind,
        text,
        ...(page !== undefined ? { page } : {}),
        ...(chapter !== undefined ? { chapter } : {}),
        ...(blockLang !== undefined ? { lang: blockLang } : {}),
        ...(spokenFor && values.spoken ? { spoken: (await spokenFor(text, blockLang ?? lang)).text } : {}),
      })),
    );
    console.log(JSON.stringify({ title, byline, source, lang, blocks: shown }, null, 2));
    return;
  }
  if (spokenFor && values.spoken) {
    console.log(`${article.title}\n`);
    for (const block of article.blocks) console.log(`${(await spokenFor(block.text, article.lang)).text}\n`);
    return;
  }
  console.log(`${article.title}\n${article.byline ? `by ${article.byline}\n` : ''}`);
  for (const block of article.blocks) console.log(`${block.kind === 'heading' ? '## ' : block.kind === 'list-item' ? '- ' : ''}${block.text}\n`);
}

async function exportAudio(args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      out: { type: 'string' },
      rate: { type: 'string', default: '1' },
      voice: { type: 'string' },
      'paragraph-pause': { type: 'string', default: '600' },
      'sentence-pause': { type: 'string', default: '250' },
      'trim-silences': { type: 'boolean', default: false },
      lexicon: { type: 'string' },
    },
  });
  const spokenFor = await spokenMaker(values.lexicon);
  if (!values.out) throw new Error(`--out FILE.wav (or FILE.mp3) is required.\n${USAGE}`);
  const out = resolveUserPath(values.out);
  const format = extname(out).toLowerCase() === '.mp3' ? 'mp3' : 'wav';
  const article = await load(positionals[0]);
  const detection = await detectEngine();
  if (!detection.engine) throw new Error(detection.problem);
  const engine = detection.engine;
  const rate = clampRate(Number(values.rate));
  const clamp = (text: string, max: number) => Math.min(max, Math.max(0, Number(text) || 0));
  const sentencePauseMs = clamp(values['sentence-pause'], 2000);

  // Ctrl+C cancels cleanly: no half-written file is left under either name.
  const controller = new AbortController();
  process.once('SIGINT', () => controller.abort());
  process.once('SIGTERM', () => controller.abort());
  // Passages the engine could not say are left out (a short silence in their place) and named after the export.
  const withSkipped = new Set<string>();
  const exported = await exportArticleAudio(
    article.blocks.map((block) => block.text), // exactly what the player reads
    async (text, signal) => {
      const block = await synthesizeBlock(engine, { text, spoken: await spokenFor(text, article.lang), lang: article.lang, voice: values.voice ?? null, rate, sentencePauseMs, ...(values['trim-silences'] ? { trimSilences: true } : {}), signal });
      if (block.skipped) withSkipped.add(text);
      return block;
    },
    {
      title: article.title,
      byline: article.byline,
      chapters: exportChapters(article),
      format,
      paragraphPauseMs: clamp(values['paragraph-pause'], 5000),
      signal: controller.signal,
      onProgress: (fraction) => process.stderr.write(`\rExporting: ${Math.round(fraction * 100)}%`),
    },
  ).catch((error: unknown) => {
    throw controller.signal.aborted ? new Error('\nExport cancelled; nothing was written.') : error;
  });
  process.stderr.write('\n');
  article.blocks.forEach((block, index) => {
    if (withSkipped.has(block.text)) console.error(`Warning: a passage in paragraph ${index + 1} could not be spoken (${engine.name} failed on it) and was left out.`);
  });
  const cuesPath = `${out.slice(0, out.length - extname(out).length)}.vtt`;
  await writeAtomically(out, exported.audio);
  await writeAtomically(cuesPath, exported.cues);
  console.log(`Wrote ${out} (${(exported.durationMs / 1000).toFixed(1)} s, ${article.blocks.length} paragraphs) and ${cuesPath}.`);
}

/** Temporary file and rename: a failed or cancelled export never leaves a partial file under the requested name. */
async function writeAtomically(path: string, data: Uint8Array | string): Promise<void> {
  const temporary = `${path}.${process.pid}.part`;
  try {
    await writeFile(temporary, data);
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

async function main(): Promise<void> {
  const [command, ...rest] = process.argv.slice(2);
  if (command === 'extract') return extract(rest);
  if (command === 'export') return exportAudio(rest);
  console.error(USAGE);
  process.exitCode = 2;
}

// Whatever fails, and wherever (a rejected promise, an error event nobody listened to), ends in one line
// and an exit code, never a stack trace.
function failWith(error: unknown): void {
  const message = error instanceof Error ? error.message : String(error);
  console.error(message.split('\n').find((line) => line.trim() !== '')?.trim() ?? 'Something went wrong.');
  process.exit(1);
}
process.on('uncaughtException', failWith);
process.on('unhandledRejection', failWith);

main().catch((error: unknown) => {
  console.error((error as Error).message);
  process.exitCode = 1;
});
