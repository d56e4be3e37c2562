import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, matchesGlob } from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const ROOT = join(import.meta.dirname, '..', '..');
const require = createRequire(import.meta.url);
const config = parse(readFileSync(join(ROOT, 'electron-builder.yml'), 'utf8')) as Record<string, unknown> & {
  files: string[];
  electronFuses: Record<string, boolean>;
  deb: { depends: string[]; appArmorProfile?: unknown };
  linux: { target: string[] };
  directories: { buildResources: string };
  fileAssociations: Array<{ ext: string | string[] }>;
  protocols: Array<{ schemes: string[] }>;
  productName: string;
  asarUnpack?: string[];
};
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { main: string; productName?: string; dependencies: Record<string, string>; devDependencies: Record<string, string> };

/** Width and height from a PNG's IHDR chunk, after checking the signature. */
function pngSize(path: string): { width: number; height: number } {
  const bytes = readFileSync(path);
  expect(bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  expect(bytes.subarray(12, 16).toString('latin1')).toBe('IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

describe('electron-builder.yml', () => {
  it("is valid against electron-builder's own configuration schema", () => {
    const schema = JSON.parse(readFileSync(require.resolve('app-builder-lib/scheme.json'), 'utf8')) as object;
    const ajv = new Ajv({ allErrors: true, strict: false });
    const validate = ajv.compile(schema);
    const valid = validate(config);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('rejects a configuration with a mistake (the schema check can fail)', () => {
    const schema = JSON.parse(readFileSync(require.resolve('app-builder-lib/scheme.json'), 'utf8')) as object;
    const validate = new Ajv({ strict: false }).compile(schema);
    expect(validate({ ...config, asar: 'maybe' })).toBe(false);
    expect(validate({ ...config, notAnOption: true })).toBe(false);
  });

  it('builds for Linux, macOS and Windows, with espeak-ng as a dependency of the deb', () => {
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.mac).toMatchObject({ target: 'dmg' });
    expect(config.win).toMatchObject({ target: 'nsis' });
    expect(config.deb.depends).toContain('espeak-ng');
  });

  it('sets the security fuses, --inspect off in what ships', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('packages the built app, the welcome article and its icons, and no sources or tests', () => {
    expect(config.files).toEqual(['out/**/*', 'assets/welcome.md', 'assets/icon.png', 'assets/tray-icon.png', 'assets/tray-icon@2x.png', 'package.json', '!**/*.map']);
    expect(pkg.main).toBe('out/main/electron.js');
    for (const file of config.files.filter((pattern) => pattern.startsWith('assets/'))) expect(existsSync(join(ROOT, file)), file).toBe(true);
  });

  it('has a real icon in its build resources (electron-builder needs 512x512 or more for macOS)', () => {
    const { width, height } = pngSize(join(ROOT, config.directories.buildResources, 'icon.png'));
    expect(width).toBeGreaterThanOrEqual(512);
    expect(height).toBe(width);
    expect(pngSize(join(ROOT, 'assets', 'tray-icon.png'))).toEqual({ width: 32, height: 32 });
  });

  it('opens web pages, text and Markdown files, PDFs, EPUB books, and article-player:// links', () => {
    expect(config.fileAssociations.flatMap((association) => association.ext).sort()).toEqual(['epub', 'htm', 'html', 'md', 'pdf', 'txt']);
    expect(config.fileAssociations.find((association) => association.ext === 'pdf')).toMatchObject({ mimeType: 'application/pdf', role: 'Viewer' });
    expect(config.fileAssociations.find((association) => association.ext === 'epub')).toMatchObject({ mimeType: 'application/epub+zip', role: 'Viewer' });
    expect(config.protocols.flatMap((protocol) => protocol.schemes)).toEqual(['article-player']);
  });

  it("the deb keeps electron-builder's AppArmor profile, so the sandbox starts on Ubuntu 24.04+", () => {
    expect(config.deb.appArmorProfile).toBeUndefined(); // undefined: the built-in profile allowing user namespaces
  });

  it('names the app as the README and the data folder do, in the package too (Electron reads productName)', () => {
    expect(pkg.productName).toBe('Article Player');
    expect(config.productName).toBe(pkg.productName);
  });

  it("keeps koffi's native binary outside app.asar, where it can load", () => {
    // koffi's compiled add-on comes in a package per platform; this machine's is installed.
    const folder = join(ROOT, 'node_modules', '@koromix');
    const addons = readdirSync(folder, { recursive: true }).map(String).filter((file) => file.endsWith('.node')).map((file) => `node_modules/@koromix/${file}`);
    expect(addons.length).toBeGreaterThan(0);
    for (const addon of addons) expect((config.asarUnpack ?? []).some((glob) => matchesGlob(addon, glob)), addon).toBe(true);
  });

  it('ships only what runs in main: React and the fonts are bundled by Vite into the renderer', () => {
    for (const name of ['react', 'react-dom', '@fontsource/atkinson-hyperlegible', '@fontsource/opendyslexic']) {
      expect(pkg.dependencies, name).not.toHaveProperty(name);
      expect(pkg.devDependencies, name).toHaveProperty(name);
    }
  });
});
