/**
 * Chapters, headings and pages of the open article (shared/contents.ts holds the rules): the table of
 * contents and the page list, computed once per article; next and previous chapter (or heading); the
 * Contents and Go to page dialogs' state; and where reading is, for the position announcement.
 */
import { useCallback, useMemo, useState } from 'react';
import type { Article } from '../../../shared/article';
import { describePlace, entryAt, findPage, nextEntry, pageQuery, pageStarts, previousEntry, tableOfContents, type Contents, type PageStart } from '../../../shared/contents';
import type { ReadingSession } from '../player/ReadingSession';

export interface ContentsSetup {
  article: Article | null;
  player: ReadingSession | null;
  blockIndex: number;
  /** Reading can start (no speech problem): choosing a chapter in Contents reads from it. */
  canPlay: boolean;
  announce: (message: string) => void;
}

export type ContentsDialogName = 'contents' | 'page' | null;

export interface ContentsControls {
  contents: Contents;
  pages: PageStart[];
  /** The entry reading is in, -1 before the first. */
  current: number;
  /** "Chapter" or "Heading". */
  noun: string;
  dialog: ContentsDialogName;
  openDialog: (dialog: Exclude<ContentsDialogName, null>) => void;
  closeDialog: () => void;
  /** Reads from an entry of the contents and closes the dialog. */
  readFrom: (entryIndex: number) => void;
  /** Goes to a page typed by the listener and closes the dialog; returns why not, or null. */
  goToPage: (typed: string) => string | null;
  /** "Chapter 2 of 5: The Storm, page 14"; '' for an article without chapters or pages. */
  place: string;
  /** The feature's keys, for the App's one command table. */
  commands: { nextChapter: () => void; previousChapter: () => void; showContents: () => void; goToPage: () => void };
}

const EMPTY: Contents = { kind: 'none', entries: [] };

export function useContents({ article, player, blockIndex, canPlay, announce }: ContentsSetup): ContentsControls {
  const contents = useMemo(() => (article ? tableOfContents(article.blocks) : EMPTY), [article]);
  const pages = useMemo(() => (article ? pageStarts(article.blocks) : []), [article]);
  const [dialog, setDialog] = useState<ContentsDialogName>(null);
  const noun = contents.kind === 'chapters' ? 'Chapter' : 'Heading';
  const none = 'This article has no chapters or headings';

  const say = useCallback(
    (entryIndex: number) => `${noun} ${entryIndex + 1} of ${contents.entries.length}: ${contents.entries[entryIndex]!.title}`,
    [noun, contents],
  );
  const move = useCallback(
    (direction: 1 | -1) => {
      if (!player) return;
      if (contents.kind === 'none') return announce(none);
      const from = player.getState().blockIndex; // the player's own, so presses in quick succession add up
      const target = direction > 0 ? nextEntry(contents.entries, from) : previousEntry(contents.entries, from);
      if (target === null) {
        const word = noun.toLowerCase();
        return announce(direction > 0 ? `This is the last ${word}` : entryAt(contents.entries, from) < 0 ? `No ${word} before this` : `This is the first ${word}`);
      }
      player.goToBlock(contents.entries[target]!.blockIndex, { announce: false });
      announce(say(target));
    },
    [player, contents, noun, announce, say],
  );

  const readFrom = useCallback(
    (entryIndex: number) => {
      const entry = contents.entries[entryIndex];
      if (!player || !entry) return;
      setDialog(null);
      player.goToBlock(entry.blockIndex, { play: canPlay, announce: false });
      announce(say(entryIndex));
    },
    [player, contents, canPlay, announce, say],
  );

  const goToPage = useCallback(
    (typed: string) => {
      const target = findPage(pages, typed);
      if (!target.ok) return target.message;
      if (!player) return 'The article is still opening.';
      setDialog(null);
      player.goToBlock(target.blockIndex, { announce: false });
      announce(target.exact ? `Page ${target.label}` : `Page ${pageQuery(typed)} begins in this paragraph, which starts on page ${target.label}`);
      return null;
    },
    [pages, player, announce],
  );

  const openDialog = useCallback(
    (name: Exclude<ContentsDialogName, null>) => {
      if (name === 'contents' && contents.kind === 'none') return announce(none);
      if (name === 'page' && pages.length === 0) return announce('This article has no page numbers');
      setDialog(name);
    },
    [contents, pages, announce],
  );
  const closeDialog = useCallback(() => setDialog(null), []);

  const commands = useMemo(
    () => ({
      nextChapter: () => move(1),
      previousChapter: () => move(-1),
      showContents: () => openDialog('contents'),
      goToPage: () => openDialog('page'),
    }),
    [move, openDialog],
  );

  return {
    contents,
    pages,
    current: entryAt(contents.entries, blockIndex),
    noun,
    dialog,
    openDialog,
    closeDialog,
    readFrom,
    goToPage,
    place: useMemo(() => describePlace(contents, pages, blockIndex), [contents, pages, blockIndex]),
    commands,
  };
}
