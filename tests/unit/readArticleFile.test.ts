import { describe, expect, it } from 'vitest';
import { readArticleFile } from '../../renderer/src/article/readArticleFile';

/** A file whose bytes can no longer be read, as when it was removed after it was picked. */
class VanishedFile extends File {
  override slice(): Blob {
    const blob = new Blob([]);
    blob.arrayBuffer = () => Promise.reject(new Error('NotReadableError: the file was removed'));
    return blob;
  }
}

describe('readArticleFile', () => {
  it('reads a small text file into the source sent to the Node side', async () => {
    const read = await readArticleFile(new File(['Hello there.'], 'note.txt'));
    expect(read.ok).toBe(true);
    if (read.ok) expect(new TextDecoder().decode((read.source as { bytes: Uint8Array }).bytes)).toBe('Hello there.');
  });

  it('a file that cannot be read is a message naming it, never a rejection (the Queue dialog had no catch)', async () => {
    const read = await readArticleFile(new VanishedFile(['x'], 'gone.pdf'));
    expect(read).toEqual({ ok: false, message: 'gone.pdf could not be read (NotReadableError: the file was removed).' });
  });
});
