/** The warnings and errors above the article: speech unavailable, settings reset, a failed open, a playback error. */
import type { SpeechInfo } from '../../../shared/api';

export interface NoticesProps {
  speech: SpeechInfo | null;
  settingsProblem: string | null;
  onDismissSettingsProblem: () => void;
  openProblem: string | null;
  onDismissOpenProblem: () => void;
  playbackError: string | null;
}

export function Notices({ speech, settingsProblem, onDismissSettingsProblem, openProblem, onDismissOpenProblem, playbackError }: NoticesProps) {
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
          <button type="button" onClick={onDismissSettingsProblem}>
            Dismiss
          </button>
        </p>
      )}
      {openProblem && (
        <div className="notice notice-error" role="alert">
          <strong>That article could not be opened.</strong> {openProblem}{' '}
          <button type="button" onClick={onDismissOpenProblem}>
            Dismiss
          </button>
        </div>
      )}
      {playbackError && <p className="notice notice-error">{playbackError}</p>}
    </>
  );
}
