/**
 * `npm run cli -- extract <path-or-url> [--json]` prints what would be read aloud;
 * `npm run cli -- export <path-or-url> --out FILE.wav [--rate R] [--voice V]` writes it as audio.
 */
import { rename, rm, writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { clampRate } from '../shared/rate.js';
import { loadArticleSource, resolveUserPath } from './article/loadArticleSource.js';
import { detectEngine } from './speech/detectEngine.js';
import { synthesizeBlock } from './speech/synthesizeBlock.js';
import { encodeWav, parseWav, silence } from './speech/wav.js';

const USAGE = `Usage:
  npm run cli -- extract <path-or-url> [--json]
  npm run cli -- export <path-or-url> --out FILE.wav [--rate R] [--voice V] [--paragraph-pause MS]`;

async function load(source: string | undefined) {
  if (!source) throw new Error(`Name an article to open.\n${USAGE}`);
  const result = await loadArticleSource(resolveUserPath(source));
  if (!result.ok) throw new Error(result.message);
  return result.article;
}

async function extract(args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { json: { type: 'boolean', default: false } } });
  const article = await load(positionals[0]);
  if (values.json) {
    const { title, byline, source, lang, blocks } = article;
    console.log(JSON.stringify({ title, byline, source, lang, blocks: blocks.map(({ kind, text }) => ({ kind, text })) }, null, 2));
    return;
  }
  console.log(`${article.title}\n${article.byline ? `by ${article.byline}\n` : ''}`);
  for (const block of article.blocks) console.log(`${block.kind === 'heading' ? '## ' : block.kind === 'list-item' ? '- ' : ''}${block.text}\n`);
}

async function exportAudio(args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { out: { type: 'string' }, rate: { type: 'string', default: '1' }, voice: { type: 'string' }, 'paragraph-pause': { type: 'string', default: '600' } },
  });
  if (!values.out) throw new Error(`--out FILE.wav is required.\n${USAGE}`);
  const out = resolveUserPath(values.out);
  const article = await load(positionals[0]);
  const detection = await detectEngine();
  if (!detection.engine) throw new Error(detection.problem);
  const rate = clampRate(Number(values.rate));
  const paragraphPauseMs = Math.min(5000, Math.max(0, Number(values['paragraph-pause']) || 0));
  const texts = article.blocks.map((block) => block.text); // exactly what the player reads
  const chunks: Int16Array[] = [];
  let format = { sampleRate: 22050, channels: 1 };
  for (const [index, text] of texts.entries()) {
    const block = await synthesizeBlock(detection.engine, { text, lang: article.lang, voice: values.voice ?? null, rate });
    const pcm = parseWav(block.audio);
    format = { sampleRate: pcm.sampleRate, channels: pcm.channels };
    chunks.push(pcm.samples, silence(format, paragraphPauseMs));
    process.stderr.write(`\rSpeaking paragraph ${index + 1} of ${texts.length}`);
  }
  process.stderr.write('\n');
  const samples = new Int16Array(chunks.reduce((sum, chunk) => sum + chunk.length, 0));
  chunks.reduce((offset, chunk) => (samples.set(chunk, offset), offset + chunk.length), 0);
  // Atomic: a cancelled or failed export never leaves a half-written file under the requested name.
  const temporary = `${out}.${process.pid}.part`;
  try {
    await writeFile(temporary, encodeWav({ ...format, samples }));
    await rename(temporary, out);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
  console.log(`Wrote ${out} (${(samples.length / format.channels / format.sampleRate).toFixed(1)} s, ${texts.length} paragraphs).`);
}

async function main(): Promise<void> {
  const [command, ...rest] = process.argv.slice(2);
  if (command === 'extract') return extract(rest);
  if (command === 'export') return exportAudio(rest);
  console.error(USAGE);
  process.exitCode = 2;
}

main().catch((error: unknown) => {
  console.error((error as Error).message);
  process.exitCode = 1;
});
