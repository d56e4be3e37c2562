/** The warnings and errors above the article: speech unavailable, settings reset, a failed open, a playback error. */
import type { MouseEvent } from 'react';
import type { SpeechInfo } from '../../../shared/api';
import type { OpenProblem } from '../article/useOpenArticle';
import { focusIsOnBody, focusReadingPlace } from './focusFallback';

export interface NoticesProps {
  speech: SpeechInfo | null;
  settingsProblem: string | null;
  onDismissSettingsProblem: () => void;
  playbackError: string | null;
}

/** Dismiss removes the button that has focus: focus goes on to the reading place, never the body. */
function dismissing(dismiss: () => void): (event: MouseEvent<HTMLButtonElement>) => void {
  return (event) => {
    if (event.currentTarget === document.activeElement || focusIsOnBody()) focusReadingPlace();
    dismiss();
  };
}

export function Notices({ speech, settingsProblem, onDismissSettingsProblem, playbackError }: NoticesProps) {
  return (
    <>
      {speech?.problem && (
        <p className="notice notice-warning">
          <strong>Speech is not available.</strong> {speech.problem}
        </p>
      )}
      {speech?.notice && <p className="notice notice-warning">{speech.notice}</p>}
      {settingsProblem && (
        <p className="notice notice-warning">
          {settingsProblem}{' '}
          <button type="button" onClick={dismissing(onDismissSettingsProblem)}>
            Dismiss
          </button>
        </p>
      )}
      {playbackError && <p className="notice notice-error">{playbackError}</p>}
    </>
  );
}

/**
 * A failed open that no dialog is showing (a dropped or pasted file, a link from outside): in the
 * sticky bar, so it is in view wherever reading was. Problems of the Open and Library dialogs are
 * shown in those dialogs.
 */
export function OpenProblemNotice({ problem, onDismiss }: { problem: OpenProblem | null; onDismiss: () => void }) {
  if (problem?.origin !== 'outside') return null;
  return (
    <div className="notice notice-error open-problem" role="alert">
      <strong>That article could not be opened.</strong> {problem.message}{' '}
      <button type="button" onClick={dismissing(onDismiss)}>
        Dismiss
      </button>
    </div>
  );
}
