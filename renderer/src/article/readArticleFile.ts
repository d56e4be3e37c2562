/**
 * A picked or dropped file to the source sent to the Node side, or why it cannot be opened: its size is
 * checked against its kind's limit (shared/articleFiles.ts) before the file is read into memory and sent.
 * Never rejects: a file that cannot be read (removed since it was picked, no permission) is a message.
 */
import type { ArticleSource } from '../../../shared/api';
import { fileSizeProblem } from '../../../shared/articleFiles';

export type FileRead = { ok: true; source: ArticleSource } | { ok: false; message: string };

export async function readArticleFile(file: File): Promise<FileRead> {
  try {
    return await readChecked(file);
  } catch (error) {
    return { ok: false, message: `${file.name} could not be read (${(error as Error).message}).` };
  }
}

async function readChecked(file: File): Promise<FileRead> {
  const head = new Uint8Array(await file.slice(0, 1024).arrayBuffer());
  const problem = fileSizeProblem(file.name, file.size, head);
  if (problem) return { ok: false, message: problem };
  return { ok: true, source: { type: 'file', name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) } };
}
