/**
 * Where a worker thread's script is. After the build it is `<name>.js` beside the module that starts
 * it (electron.vite.config.ts has one entry per worker). Running from source (vitest, tsx) there is no
 * .js file, so the `<name>.ts` entry beside the module is bundled once per process with esbuild (a
 * development dependency) into node_modules/.cache/article-player/, where the project's packages
 * resolve. Null when neither is possible: the caller then does the work another way and says so.
 */
import { existsSync, mkdirSync, renameSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const bundled = new Map<string, Promise<URL | null>>();

/** The nearest folder up from `from` with a package.json: where node_modules (and the bundle's packages) are. */
function packageRoot(from: string): string | null {
  for (let folder = from; ; folder = dirname(folder)) {
    if (existsSync(join(folder, 'package.json'))) return folder;
    if (dirname(folder) === folder) return null;
  }
}

async function bundleFromSource(entry: string, name: string): Promise<URL | null> {
  const root = packageRoot(dirname(entry));
  if (!root) return null;
  const outDir = join(root, 'node_modules', '.cache', 'article-player');
  const outFile = join(outDir, `${name}.mjs`);
  const temp = join(outDir, `${name}-${process.pid}-${Date.now()}.mjs`);
  try {
    // A variable specifier keeps bundlers from pulling the development-only esbuild into the build.
    const specifier = 'esbuild';
    const esbuild = (await import(/* @vite-ignore */ specifier)) as typeof import('esbuild');
    mkdirSync(outDir, { recursive: true });
    await esbuild.build({ entryPoints: [entry], bundle: true, platform: 'node', format: 'esm', packages: 'external', outfile: temp, logLevel: 'silent' });
    renameSync(temp, outFile); // atomic: parallel test workers never see half a file
    return pathToFileURL(outFile);
  } catch {
    return null;
  }
}

/** `moduleUrl`: the caller's import.meta.url; `name`: the worker entry's file name without extension. */
export async function findWorkerScript(moduleUrl: string, name: string): Promise<URL | null> {
  const here = fileURLToPath(moduleUrl);
  const built = new URL(`./${name}.js`, moduleUrl);
  if (!here.endsWith('.ts') && existsSync(fileURLToPath(built))) return built;
  const source = join(dirname(here), `${name}.ts`);
  if (!existsSync(source)) return null;
  let url = bundled.get(source);
  if (!url) {
    url = bundleFromSource(source, name);
    bundled.set(source, url);
  }
  return url;
}
