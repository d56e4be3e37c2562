/**
 * close() of an idle speech process settles even when nothing else keeps Node running. The idle child is
 * unreferenced (it must not keep the app alive), so without holding it until its exit is seen, a caller
 * awaiting close() had its process end under it: the bench's word-timing part closed an engine and its
 * process ended there, with no result and no message.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

describe('SpeechProcess.close()', () => {
  it('settles for an idle process in a program with nothing else to do', () => {
    const script = join(mkdtempSync(join(tmpdir(), 'ap-speech-close-')), 'child.mjs');
    writeFileSync(script, `process.on('disconnect', () => process.exit(0));
process.send({ type: 'ready' });
process.on('message', ({ id, payload }) => process.send({ type: 'answer', id, result: payload }));
`);
    const module = new URL('../../main/speech/speechProcess.ts', import.meta.url).pathname;
    const program = `import { SpeechProcess } from ${JSON.stringify(module)};
const p = new SpeechProcess({ name: 'idle', script: async () => ${JSON.stringify(script)} });
console.log(await p.request('said', { timeoutMs: 5000 }));
await p.close();
console.log('closed');`;
    const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', program], { encoding: 'utf8', timeout: 20_000 });
    expect(run.stdout.trim().split('\n')).toEqual(['said', 'closed']);
    expect(run.status).toBe(0);
  });
});
