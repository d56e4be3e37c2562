/**
 * Protected PDFs waiting for their password. The document is kept here, in memory and never on disk, under
 * a random ticket while the password dialog is open: a wrong password can be tried again without the file
 * being read or sent again, and a document named on the command line (whose path the renderer never sees)
 * can be opened too. Only the newest few are kept; the password itself never is.
 */
import { randomBytes } from 'node:crypto';
import type { PasswordRequest } from '../../shared/api.js';

export interface ProtectedDocument {
  bytes: Uint8Array;
  name: string;
  /** The file path or address, as the article's source. */
  source: string | null;
}

/** Two: a second protected file dropped while the first one's dialog is open does not lose the first. */
export const KEPT_PROTECTED_DOCUMENTS = 2;

export class ProtectedDocuments {
  private readonly kept = new Map<string, ProtectedDocument>();

  constructor(private readonly limit = KEPT_PROTECTED_DOCUMENTS) {}

  /** Keeps a document that asked for its password; the ticket the dialog answers with. */
  keep(document: ProtectedDocument): string {
    const ticket = randomBytes(16).toString('hex');
    this.kept.set(ticket, document);
    for (const oldest of this.kept.keys()) {
      if (this.kept.size <= this.limit) break;
      this.kept.delete(oldest);
    }
    return ticket;
  }

  get(ticket: string): ProtectedDocument | null {
    return this.kept.get(ticket) ?? null;
  }

  forget(ticket: string): boolean {
    return this.kept.delete(ticket);
  }

  /** For the loader (FromBytesOptions.onPasswordNeeded): a newly met protected document is kept and asked about. */
  readonly requestFor = (document: ProtectedDocument, wrong: boolean): PasswordRequest => ({ ticket: this.keep(document), name: document.name, wrong });
}
