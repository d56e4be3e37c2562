// Runs Doyensec's Electronegativity over each folder given on the command line and prints its
// findings as one JSON line (its CLI output is a table). A child process: the scanner sets globals
// and tries the network (for Electron releases), which the test process should not see.
import { createRequire } from 'node:module';

// The scanner is CommonJS with a default export.
const run = createRequire(import.meta.url)('@doyensec/electronegativity/dist/runner.js');

async function main() {
  const results = {};
  for (const input of process.argv.slice(2)) {
    const { issues } = await run({ input, isRelative: true, electronVersionOverride: process.env.ELECTRON_VERSION, parserPlugins: [], customScan: [], excludeFromScan: [] });
    results[input] = issues.map((issue) => ({ id: issue.id, severity: issue.severity.name, confidence: issue.confidence.name, file: issue.file, line: issue.location.line, sample: issue.sample }));
  }
  process.stdout.write(`\n@@FINDINGS@@${JSON.stringify(results)}\n`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
