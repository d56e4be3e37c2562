/**
 * The dialogs only the desktop app shows: "Open this address?" for an article-player:// link (a web
 * page can start such a link, so nothing is fetched until the listener agrees), and the "Listen in
 * Article Player" bookmarklet.
 */
import type { ArticlePlayerApi, ArticleSource } from '../../../shared/api';
import type { Settings, SettingsPatch } from '../../../shared/settings';
import { Dialog } from '../components/Dialog';
import { BookmarkletDialog } from './BookmarkletDialog';
import { steppedFontScale } from './textSize';
import { useShellCommands, type ShellCommandHandlers } from './useShellCommands';

interface DesktopShellDialogsProps extends Pick<ShellCommandHandlers, 'run' | 'openDialog'> {
  api: ArticlePlayerApi;
  settings: Settings;
  update: (patch: SettingsPatch) => void;
  openSource: (source: ArticleSource) => void;
}

export function DesktopShellDialogs({ api, settings, update, openSource, run, openDialog }: DesktopShellDialogsProps) {
  const { addressToConfirm, dismissAddress, bookmarkletOpen, closeBookmarklet } = useShellCommands(api, {
    run,
    openDialog,
    textSize: (step) => update({ fontScale: steppedFontScale(settings.fontScale, step) }),
    theme: (theme) => update({ theme }),
  });
  return (
    <>
      <Dialog open={addressToConfirm !== null} title="Open this address?" onClose={dismissAddress} className="confirm-dialog">
        <p>A link asks Article Player to open this page and read it aloud:</p>
        <p className="address">{addressToConfirm}</p>
        <div className="dialog-actions">
          <button
            type="button"
            className="primary"
            onClick={() => {
              if (addressToConfirm) openSource({ type: 'url', url: addressToConfirm });
              dismissAddress();
            }}
          >
            Open and read
          </button>
          <button type="button" onClick={dismissAddress}>
            Cancel
          </button>
        </div>
      </Dialog>
      <BookmarkletDialog open={bookmarkletOpen} onClose={closeBookmarklet} />
    </>
  );
}
